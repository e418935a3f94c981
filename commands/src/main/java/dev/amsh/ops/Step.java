package dev.amsh.ops;

/**
 * One step of a procedure as it happens: its place in amsh's run, what it is (led by the documented procedure's
 * number, see {@link ProcedureStep}), how it ended, and a detail line.
 */
public record Step(int number, String title, Status status, String detail) {
    public enum Status { PLANNED, RUNNING, DONE, SKIPPED, FAILED, CLEANUP }

    public String line() {
        String mark = switch (status) {
            case PLANNED -> "plan";
            case RUNNING -> "....";
            case DONE -> " ok ";
            case SKIPPED -> "skip";
            case FAILED -> "FAIL";
            case CLEANUP -> "undo";
        };
        // the title leads with the procedure's own step number (B2 …); number is only the order amsh runs them in
        return String.format("[%s] %s%s", mark, title, detail == null || detail.isEmpty() ? "" : ": " + detail);
    }
}
