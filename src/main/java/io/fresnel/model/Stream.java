package io.fresnel.model;

/**
 * One precoder column's role.
 *
 * @param role what the stream carries
 * @param userId the user of a private stream; null for the other roles
 */
public record Stream(StreamRole role, String userId) {

    /** Validates the fields. */
    public Stream {
        Checks.required("role", role);
        if (role == StreamRole.PRIVATE) {
            Checks.id("user", userId);
        } else if (userId != null) {
            throw new IllegalArgumentException("user is only allowed on a private stream (role is " + role.key() + ")");
        }
    }
}
