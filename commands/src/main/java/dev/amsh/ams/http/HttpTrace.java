package dev.amsh.ams.http;

/** One HTTP exchange as shown by {@code trace on}: the URL is already redacted. */
public record HttpTrace(String context, String method, String url, int status, long millis, String error) {
    public String line() {
        String outcome = error != null ? "ERR " + error : String.valueOf(status);
        return String.format("[%s] %s %s -> %s (%d ms)", context, method, url, outcome, millis);
    }
}
