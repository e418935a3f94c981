// replicate-published.groovy - replicate every published asset of a whose origin locators b lacks.
//
//   ./amsh scripts/replicate-published.groovy [--dry-run] [--via-sas] [--name GLOB]
//
// An asset is published when it has an origin locator; it is missing on b while any of its unexpired
// origin locators has no locator with the same Id on b (an asset published twice has two). Each such
// asset is failed over once with the whole procedure, which replicates every one of its locators; one
// failure does not stop the others, and the script exits non-zero if any failed. A re-run picks up
// where the last one stopped; after a run that was killed, 'cleanup --on a' and 'cleanup --on b'
// remove what it had made only for itself.

def dryRun = args.contains('--dry-run')
def viaSas = args.contains('--via-sas')
def argList = args.toList()
def glob = argList.indexOf('--name') >= 0 ? argList[argList.indexOf('--name') + 1] : null
def now = new Date().toInstant()
def onB = locators.ls(on: 'b').collect { it.id } as Set
def missing = locators.ls(on: 'a').findAll {
    it.type == 2 && !(it.id in onB) && (it.expirationDateTime == null || it.expirationDateTime.isAfter(now))
}
if (glob != null) {
    def named = assets.ls(on: 'a', name: glob).collect { it.id } as Set
    missing = missing.findAll { it.assetId in named }
}
def byAsset = missing.groupBy { it.assetId }
println "${missing.size()} origin locator(s) of ${byAsset.size()} published asset(s) on a are missing on b"

def failed = []
byAsset.each { assetId, locs ->
    try {
        def r = failover(assetId, from: 'a', to: 'b', 'dry-run': dryRun, 'via-sas': viaSas)
        def ids = locs.collect { it.id }
        if (dryRun) {
            println "would replicate ${r.source.name}: ${ids.join(', ')}"
        } else {
            def made = r.locators.findAll { it.replica != null }.collect { it.replica.id } as Set
            def still = ids.findAll { !(it in made) }
            if (still) {
                throw new dev.amsh.error.AmshException("locator(s) ${still.join(', ')} still missing on b", "")
            }
            println "replicated ${r.source.name}: ${ids.join(', ')} -> ${r.replicatedUrl}"
        }
    } catch (e) {
        println "FAILED ${assetId}: ${e.message}"
        failed << assetId
    }
}
if (failed) {
    throw new dev.amsh.error.AmshException("${failed.size()} asset(s) failed to replicate", "re-run this script to retry them")
}
