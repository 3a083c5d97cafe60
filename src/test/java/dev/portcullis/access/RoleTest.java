package dev.portcullis.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RoleTest {

    @Test
    void eachRoleIncludesTheRolesBelowIt() {
        assertTrue(Role.PLATFORM_ADMIN.includes(Role.ADMIN));
        assertTrue(Role.ADMIN.includes(Role.MEMBER));
        assertTrue(Role.MEMBER.includes(Role.READ_ONLY));
        assertFalse(Role.MEMBER.includes(Role.ADMIN));
        assertFalse(Role.ADMIN.includes(Role.PLATFORM_ADMIN));
    }

    @Test
    void groupsListEveryRoleARoleSatisfies() {
        assertEquals(List.of("read_only", "member", "admin"), Role.ADMIN.groups());
    }

    @Test
    void rolesAreReadByTheirJsonNamesOnly() {
        assertEquals(Role.READ_ONLY, Role.of("read_only").orElseThrow());
        assertTrue(Role.of("ADMIN").isEmpty());
        assertTrue(Role.of("owner").isEmpty());
    }
}
