package dev.amsh.ops;

/**
 * The documented failover procedure's steps, numbered as it numbers them: its two lists, datacenter A's
 * (A1–A6) and the failover's in datacenter B (B1–B6). The failover's step list, the tutorial and the help
 * texts all name a step by these, so one step has one number wherever amsh shows it.
 */
public enum ProcedureStep {
    A1("set up a Media Services account in datacenter A"),
    A2("upload a mezzanine file into a source asset"),
    A3("encode the asset into multi-bit rate MP4 files"),
    A4("create a read-only SAS locator on the source asset"),
    A5("get the source container's name from the read SAS locator"),
    A6("create an origin locator for the encoded asset"),
    B1("set up a Media Services account in datacenter B"),
    B2("create an empty target asset in B"),
    B3("create a write SAS locator on the target asset"),
    B4("copy the blobs from A's storage account into B's"),
    B5("associate the copied blobs with the target asset (CreateFileInfos)"),
    B6("create an origin locator in B with the locator Id of A");

    private final String procedureTitle;

    ProcedureStep(String procedureTitle) {
        this.procedureTitle = procedureTitle;
    }

    /** The step as the documentation words it. */
    public String procedureTitle() {
        return procedureTitle;
    }

    /** "the procedure's step B3": how help texts refer to a step. */
    public String reference() {
        return "the procedure's step " + name();
    }

    /** Two steps taken as one, as amsh does A4 and A5: "A4-A5". */
    public static String span(ProcedureStep first, ProcedureStep last) {
        return first.name() + "-" + last.name();
    }

    /**
     * The title of step {@code n} of amsh's failover (1 to 7: the order it runs them in), led by the procedure's
     * number: "B2 empty target asset on b".
     */
    public static String failoverTitle(int n, String from, String to) {
        return switch (n) {
            case 1 -> A6.name() + " source asset and origin locators on " + from;
            case 2 -> span(A4, A5) + " read SAS locator on " + from + " and its container";
            case 3 -> B2.name() + " empty target asset on " + to;
            case 4 -> B3.name() + " write SAS locator on " + to;
            case 5 -> B4.name() + " copy blobs";
            case 6 -> B5.name() + " CreateFileInfos on " + to;
            case 7 -> B6.name() + " origin locators on " + to + " with the same Ids";
            default -> "step " + n;
        };
    }
}
