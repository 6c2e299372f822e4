package org.yizhan.kit.http;

import jakarta.ws.rs.core.EntityTag;
import org.yizhan.kit.problem.ProblemException;
import org.yizhan.kit.problem.ProblemType;

/**
 * Optimistic concurrency over HTTP: a resource's version is its ETag, and a change must send it
 * back in If-Match.
 */
public final class Versions {

    /** The longest If-Match a client needs: {@code W/"2147483647"}. */
    public static final int MAX_IF_MATCH_LENGTH = 20;

    private Versions() {
    }

    /** The ETag of a resource at {@code version}. */
    public static EntityTag etag(int version) {
        return new EntityTag(String.valueOf(version));
    }

    /**
     * The version an If-Match header names ({@code "3"} or {@code W/"3"}).
     *
     * @throws ProblemException 428 if the header is missing, 412 if it names no version
     */
    public static int fromIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(ProblemType.PRECONDITION_REQUIRED,
                    "请在 If-Match 中带上读取时得到的 ETag", "Send the ETag you read in If-Match");
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                    "If-Match 与当前版本不符", "If-Match does not match the current version");
        }
    }
}
