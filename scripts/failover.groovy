// failover.groovy - the documented failover procedure's Main, step for step, on contexts a and b.
//
//   ./amsh scripts/failover.groovy [MEZZANINE.mp4]
//
// Without a file, a 10 s sample mezzanine is made with ffmpeg. Every call below is an amsh command
// (the same operation a typed command runs) and returns the object the shell would print.
//
// Either context may be v2 or v3 (v2 → v2 as documented, v2 → v3 the migration, v3 → v3 high availability):
// each step says what it does on that kind, or why it is skipped there.

println "a is ${a.kind()}, b is ${b.kind()}"

// The manifest URL a context streams an asset at. publish keeps the locator the asset already has and gives its
// URL on either kind: on v2 the origin locator's Path + the .ism; a v3 streaming locator has no Path, its URL is the
// streaming endpoint's host and the path listPaths gives.
def manifestUrl(asset, String context) {
    def p = publish(asset, on: context)
    p.streamingUrl ?: "(none: ${p.note})"
}

def stamp = java.time.LocalDateTime.now(java.time.ZoneOffset.UTC)
        .format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss"))

// Data center A: upload a mezzanine file into a source asset
def assetSingleFile = args ? upload(args[0], asset: "UploadSingleFile_" + stamp, on: 'a')
                           : upload(sample: true, asset: "UploadSingleFile_" + stamp, on: 'a')
println "Asset name: ${assetSingleFile.name}"

// Encode it into multi-bitrate MP4 files ("Adaptive Streaming"); the .ism becomes the primary file
def job = encode(assetSingleFile, on: 'a')
def sourceOutputAsset = job.output

// Get the locator for Smooth Streaming (an origin locator on a 30-day read-only policy)
def sourceOriginLocator = publish(sourceOutputAsset, on: 'a').locator
println "Locator Id: ${sourceOriginLocator.id}"

def readSasLocator = null
def writeSasLocator = null
try {
    // 1. A read-only SAS locator gives the source asset's container (v3 has no SAS locators: listContainerSas
    //    gives a read URL of the container instead, which nothing needs to remove)
    readSasLocator = sas.read(sourceOutputAsset, on: 'a')
    println "1. read access to a's container: " + (readSasLocator.locatorId ? "SAS locator ${readSasLocator.locatorId}"
            : "a listContainerSas URL (a is v3: no SAS locators there)")

    // 2. The container name of the source asset, from the SAS locator's path
    def containerName = readSasLocator.containerName
    println "2. a's container: ${containerName}"

    // 3. A target empty asset in data center B
    def targetAsset = assets.create(containerName, on: 'b')
    println "3. empty target asset on b: ${targetAsset.name}"

    // 4. A write SAS locator gives the target asset's container (v3: a read-write listContainerSas URL)
    writeSasLocator = sas.write(targetAsset, on: 'b')
    def targetContainerName = writeSasLocator.containerName
    println "4. write access to b's container ${targetContainerName}: " + (writeSasLocator.locatorId
            ? "SAS locator ${writeSasLocator.locatorId}" : "a read-write listContainerSas URL (b is v3: no SAS locators there)")

    // 5. Copy the blobs of the source container into the target container (server-side)
    copy(sourceOutputAsset, on: 'a', to: 'b', into: targetAsset)
    println "5. blobs copied server-side into ${targetContainerName}"

    // 6. CreateFileInfos registers the copied blobs as the target asset's files (v3 registers nothing: the
    //    origin reads the container's blobs as they are, and fileinfos lists them)
    def files = fileinfos(targetAsset, on: 'b')
    println "6. " + (b.kind().label() == 'v2' ? "CreateFileInfos registered ${files.size()} files"
            : "skipped: b is v3, which registers no files (its origin reads the ${files.size()} blobs as they are)")
    println "Asset files associated with the ${targetAsset.name} asset:"
    files.each { println it.name }

    // 7. The origin locator of the source asset, copied to the target asset with the same Id (on v3 a streaming
    //    locator with the same streamingLocatorId), so the URL path is kept
    def replicatedLocator = locator.clone(sourceOriginLocator, on: 'a', to: 'b', asset: targetAsset)
    println "7. " + (b.kind().label() == 'v2' ? "origin locator ${replicatedLocator.id}"
            : "streaming locator ${replicatedLocator.name} with streamingLocatorId ${replicatedLocator.guid}") + " on b"

    println "Original Locator Path: ${manifestUrl(sourceOutputAsset, 'a')}"
    println "Replicated Locator Path: ${manifestUrl(targetAsset, 'b')}"
} finally {
    // The temporary SAS locators (and their policies) go, whatever happened above. A v3 grant is no locator
    // (its locatorId is empty): it cannot be revoked, and lapses at its expiry
    [a: readSasLocator, b: writeSasLocator].each { context, grant ->
        if (grant?.locatorId) sas.rm(grant.locatorId, on: context)
        else if (grant) println "SAS on ${context}: a v3 container URL, nothing to remove (it lapses at its expiry)"
    }
}
