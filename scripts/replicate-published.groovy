// replicate-published.groovy - replicate every published asset of a that b lacks.
//
//   ./amsh scripts/replicate-published.groovy [--dry-run]
//
// An asset is published when it has an origin locator; b lacks it when no locator with that Id exists
// on b. Each is failed over with the whole procedure; one failure does not stop the others, and the
// script exits non-zero if any failed. A re-run picks up where the last one stopped.

def dryRun = args.contains('--dry-run')
def onB = locators.ls(on: 'b').collect { it.id } as Set
def pending = locators.ls(on: 'a').findAll { it.type == 2 && !(it.id in onB) }
println "${pending.size()} published asset(s) on a are missing on b"

def failed = []
pending.each { origin ->
    try {
        def r = failover(origin.assetId, from: 'a', to: 'b', 'dry-run': dryRun)
        println dryRun ? "would replicate ${r.source.name}" : "replicated ${r.source.name}: ${r.replicatedUrl}"
    } catch (e) {
        println "FAILED ${origin.assetId}: ${e.message}"
        failed << origin.assetId
    }
}
if (failed) {
    throw new dev.amsh.error.AmshException("${failed.size()} asset(s) failed to replicate", "re-run this script to retry them")
}
