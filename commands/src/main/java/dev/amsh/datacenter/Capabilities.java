package dev.amsh.datacenter;

/**
 * What a datacenter's API has, so a procedure can say per kind why a step is skipped instead of branching on
 * the kind: v2 registers files (CreateFileInfos), grants containers through SAS locators with access policies;
 * v3 lists the container itself, grants through listContainerSas and streams only through a running endpoint.
 */
public record Capabilities(boolean registersFiles, boolean sasLocators, boolean accessPolicies, boolean endpoints) {
    public static final Capabilities V2 = new Capabilities(true, true, true, false);
    public static final Capabilities V3 = new Capabilities(false, false, false, true);
}
