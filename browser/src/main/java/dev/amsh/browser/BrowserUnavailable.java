package dev.amsh.browser;

/** No browser to play in: the message says what to install. */
public final class BrowserUnavailable extends RuntimeException {
    public BrowserUnavailable(String message) {
        super(message);
    }
}
