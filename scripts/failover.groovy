// failover.groovy - the documented failover procedure's Main, step for step, on contexts a and b.
//
//   ./amsh scripts/failover.groovy [MEZZANINE.mp4]
//
// Without a file, a 10 s sample mezzanine is made with ffmpeg. Every call below is an amsh command
// (the same operation a typed command runs) and returns the object the shell would print.

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
    // 1. A read-only SAS locator gives the source asset's container
    readSasLocator = sas.read(sourceOutputAsset, on: 'a')

    // 2. The container name of the source asset, from the SAS locator's path
    def containerName = readSasLocator.containerName

    // 3. A target empty asset in data center B
    def targetAsset = assets.create(containerName, on: 'b')

    // 4. A write SAS locator gives the target asset's container
    writeSasLocator = sas.write(targetAsset, on: 'b')
    def targetContainerName = writeSasLocator.containerName

    // 5. Copy the blobs of the source container into the target container (server-side)
    copy(sourceOutputAsset, on: 'a', to: 'b', into: targetAsset)

    // 6. CreateFileInfos registers the copied blobs as the target asset's files
    def files = fileinfos(targetAsset, on: 'b')
    println "Asset files associated with the ${targetAsset.name} asset:"
    files.each { println it.name }

    // 7. The origin locator of the source asset, copied to the target asset with the same Id
    def replicatedLocator = locator.clone(sourceOriginLocator, on: 'a', to: 'b', asset: targetAsset)

    def manifest = files.find { it.name.endsWith('.ism') }.name
    println "Original Locator Path: ${sourceOriginLocator.path}${manifest}/manifest"
    println "Replicated Locator Path: ${replicatedLocator.path}${manifest}/manifest"
} finally {
    // The temporary SAS locators (and their policies) go, whatever happened above
    if (readSasLocator) sas.rm(readSasLocator.locatorId, on: 'a')
    if (writeSasLocator) sas.rm(writeSasLocator.locatorId, on: 'b')
}
