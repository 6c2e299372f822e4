package org.yizhan.services.service.activity;

/**
 * Who is calling, as far as activities care: the token subject, whether they are a union admin,
 * and for a partner the partner department they act for (the token's {@code org} claim).
 */
public record Caller(String subject, boolean admin, String partner) {

    /** Whether the caller may manage activities at all (an admin, or a registered partner). */
    public boolean organises() {
        return admin || partner != null;
    }
}
