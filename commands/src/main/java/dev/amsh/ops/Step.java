package dev.amsh.ops;

/** One step of a procedure as it happens: its number, what it is, how it ended, and a detail line. */
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
        return String.format("[%s] %2d. %s%s", mark, number, title, detail == null || detail.isEmpty() ? "" : ": " + detail);
    }
}
