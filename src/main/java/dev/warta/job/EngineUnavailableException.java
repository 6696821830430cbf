package dev.warta.job;

/** The configured engine cannot run; the message says what to set. */
public class EngineUnavailableException extends RuntimeException {

    EngineUnavailableException(String message) {
        super(message);
    }
}
