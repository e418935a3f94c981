// replicate-published.groovy - every published asset of a onto b, over the replicate and compare reports.
//
//   ./amsh scripts/replicate-published.groovy [--name GLOB] [--dry-run] [--via-sas]
//
// replicate reads both datacenters once, replicates the assets b lacks or holds differently (every origin
// locator with its Id and window), many at once, and keeps a journal: after a kill the same command continues.
// With --via-sas each asset that differs is failed over one at a time through the procedure's SAS steps instead.
// Exits non-zero when any asset failed, or when compare still finds an asset of a that b does not match. When a
// datacenter stops answering after the run finished, the final compare cannot run: it says so and what to run later,
// and the exit follows the run (nothing is left to write).

import dev.amsh.error.AmsTransportException
import dev.amsh.error.AmshException
import dev.amsh.ops.library.AssetComparison

def argList = args.toList()
def dryRun = argList.contains('--dry-run')
def glob = argList.indexOf('--name') >= 0 ? argList[argList.indexOf('--name') + 1] : null
def only = glob ? [name: glob] : [:]

if (argList.contains('--via-sas')) {
    def failed = []
    compare(only, 'a', 'b').differing().findAll { it.sourceId() }.each { c ->
        try {
            def r = failover(c.sourceId(), from: 'a', to: 'b', 'via-sas': true, 'dry-run': dryRun)
            println "failed over ${c.name()} -> ${r.replicatedUrl}"
        } catch (e) {
            println "FAILED ${c.name()}: ${e.message}"   // one asset's failure never stops the others
            failed << c.name()
        }
    }
    if (failed) {
        throw new AmshException("${failed.size()} asset(s) failed to fail over", "re-run this script to retry them")
    }
} else {
    def r = replicate(only + [all: glob == null, from: 'a', to: 'b', 'dry-run': dryRun])
    r.assets().findAll { it.status().name() != 'IN_SYNC' }.each { println it.line() }
    println r.summary()
    if (!r.succeeded()) {
        throw new AmshException("not every asset was replicated", "re-run this script: it continues where it stopped")
    }
}
if (!dryRun) {
    // the last step reads both sides again; a side that stopped answering since the run began cannot be read, and
    // that check is all that is left: the run's own summary above says what b now holds
    def after
    try {
        after = compare(only, 'a', 'b')
    } catch (AmsTransportException e) {
        println "the last step, compare a b (reading both datacenters again), could not run: ${e.message}"
        println "left undone: only that check; the run above finished and left nothing to write on b"
        println "once it answers again: compare a b   (or run this script again: what is in sync costs no write)"
        return
    }
    def behind = after.differing().findAll { it.status() != AssetComparison.Status.ONLY_ON_TARGET }
    println "${after.assets().size() - behind.size()} of ${after.assets().size()} compared asset(s) match on b"
    if (behind) {
        behind.each { println "  " + it.line() }
        throw new AmshException("${behind.size()} asset(s) of a still differ on b", "re-run this script")
    }
}
