// outage.groovy - the on-call flow when a datacenter is in trouble: what differs, replicate it, check, hand out URLs.
//
//   ./amsh scripts/outage.groovy [--from a] [--to b] [--name GLOB] [--both-ways]
//
// 1. compare: every published asset of FROM against its replica on TO (one listing per side, then the containers)
// 2. replicate: only what differs, many assets at once (a kill or a lost datacenter leaves a journal to resume)
// 3. compare again: exit non-zero unless the two are in sync (when a side stopped answering since the run began,
//    the check cannot run: it says so, the exit follows the run, and 'compare FROM TO' is the step left for later)
// 4. the replicated streaming URLs: the same paths on TO's origin, for the traffic manager or CDN to switch to

import dev.amsh.error.AmsTransportException
import dev.amsh.error.AmshException

def argList = args.toList()
def opt = { String name, String dflt -> argList.indexOf(name) >= 0 ? argList[argList.indexOf(name) + 1] : dflt }
def from = opt('--from', 'a')
def to = opt('--to', 'b')
def glob = opt('--name', null)
def bothWays = argList.contains('--both-ways')
def only = glob ? [name: glob] : [:]

println "== 1. compare ${from} ${to}"
def before = compare(only, from, to)
before.differing().each { println "  " + it.line() }
println before.summary()

if (before.inSync()) {
    println "nothing to replicate"
    return
}

println "== 2. replicate ${from} -> ${to}" + (bothWays ? " and back" : "")
// the whole selection: assets already in sync cost no write, and both ways needs it to find what only TO has
def run = replicate(only + [all: glob == null, from: from, to: to, 'both-ways': bothWays])
run.assets().findAll { it.status().name() != 'IN_SYNC' }.each { println "  " + it.line() }
println run.summary()

println "== 3. compare ${from} ${to} again"
def after = null
try {
    after = compare(only, from, to)
    after.differing().each { println "  " + it.line() }
    println after.summary()
} catch (AmsTransportException e) {
    // a datacenter that stopped answering since the run began: the check cannot run, the run's summary stands
    println "  could not run: ${e.message}"
    println "  left undone: only this check" + (run.succeeded() ? "; the run above left nothing to write on ${to}" : "")
    println "  once it answers again: compare ${from} ${to}"
}

println "== 4. replicated streaming URLs on ${to}"
run.assets().findAll { it.urls() }.each { o -> o.urls().each { println "  ${o.name()}: ${it}" } }

if (!run.succeeded() || (after != null && !after.inSync())) {
    throw new AmshException("${from} and ${to} are not in sync yet" + (run.stoppedBecause() ? ": " + run.stoppedBecause() : ""),
            "fix what is listed above, then run this again; 'replicate --resume' continues a stopped run")
}
