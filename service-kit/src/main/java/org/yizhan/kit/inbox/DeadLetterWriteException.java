package org.yizhan.kit.inbox;

/** A dead letter could not be stored or sent; the event is kept and tried again later. */
public class DeadLetterWriteException extends RuntimeException {

    public DeadLetterWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
