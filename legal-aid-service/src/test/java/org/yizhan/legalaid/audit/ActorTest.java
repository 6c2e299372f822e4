package org.yizhan.legalaid.audit;

import org.junit.jupiter.api.Test;
import org.yizhan.legalaid.domain.audit.Actor;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A caller with several roles acts in the strongest; the audit log names that one. */
class ActorTest {

    @Test
    void theStrongestRoleWins() {
        assertEquals("union-admin", Actor.roleOf(Set.of("worker", "union-admin", "lawyer")));
        assertEquals("union-staff", Actor.roleOf(Set.of("worker", "union-staff")));
        assertEquals("lawyer", Actor.roleOf(Set.of("lawyer", "worker")));
        assertEquals("partner", Actor.roleOf(Set.of("partner")));
        assertEquals("worker", Actor.roleOf(Set.of("worker", "clinic")));
        assertEquals("none", Actor.roleOf(Set.of("clinic")));
    }
}
