package org.yizhan.system.roles;

/**
 * What the answer to one call must be for the call to agree with the role matrix. Whether a call
 * is allowed is told by the status alone: a call may be allowed and still fail for its dummy body
 * or ids (400, 404, 409, 412, 422), which is not a refusal.
 */
enum Expected {
    /** Allowed: anything but 401, 403 and a 5xx. */
    ALLOWED("allowed (not 401/403/5xx)"),
    /** A token is needed: 401. */
    UNAUTHENTICATED("401"),
    /** The caller's role may not do this at all: 403. */
    REFUSED("403"),
    /** Someone else's resource: 403, or 404 where the service does not tell that it exists. */
    NOT_THEIRS("403 or 404");

    private final String description;

    Expected(String description) {
        this.description = description;
    }

    /** What a caller with {@code access} must get: {@code stranger} for a caller who does not own the resource. */
    static Expected of(RoleMatrix.Access access, boolean anonymous, boolean stranger) {
        if (anonymous) {
            return access == RoleMatrix.Access.YES ? ALLOWED : UNAUTHENTICATED;
        }
        return switch (access) {
            case YES -> ALLOWED;
            case NO -> REFUSED;
            case OWN -> stranger ? NOT_THEIRS : ALLOWED;
        };
    }

    boolean agrees(int status) {
        return switch (this) {
            case ALLOWED -> status != 401 && status != 403 && status < 500;
            case UNAUTHENTICATED -> status == 401;
            case REFUSED -> status == 403;
            case NOT_THEIRS -> status == 403 || status == 404;
        };
    }

    @Override
    public String toString() {
        return description;
    }
}
