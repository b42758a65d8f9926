package org.csonline.onboarding.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import org.csonline.onboarding.staff.StaffRoleMapping.StaffRole;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The directory of staff who signed in with the council's provider, on the real migrations. */
class StaffMembersTest {

    static final String SUBJECT = "AAAAAAAAAAAAAAAAAAAAAIkzqFVrSaSaFHy782bbtaQ-pairwise-subject-of-43";

    final StaffMembers members = new StaffMembers(database(), Clock.systemUTC());

    @Test
    void latestSignInWinsForNameAddressAndRoles() {
        members.signedIn(SUBJECT, "Jo Bloggs", "jo.bloggs@council.example", Set.of(StaffRole.CASEWORKER));
        members.signedIn(SUBJECT, "Jo Smith", "jo.smith@council.example",
                Set.of(StaffRole.CASEWORKER, StaffRole.MANAGER));

        assertThat(members.emailOf(SUBJECT)).contains("jo.smith@council.example");
        assertThat(members.displayNameOf(SUBJECT)).isEqualTo("Jo Smith");
        assertThat(members.managerEmails()).containsExactly("jo.smith@council.example");
    }

    @Test
    void managersAreThoseWhoseLatestSignInGaveTheRole() {
        members.signedIn("m1", "Manager", "manager@council.example", Set.of(StaffRole.MANAGER));
        members.signedIn("c1", "Caseworker", "caseworker@council.example", Set.of(StaffRole.CASEWORKER));
        members.signedIn("m2", "Former manager", "former@council.example", Set.of(StaffRole.MANAGER));
        members.signedIn("m2", "Former manager", "former@council.example", Set.of(StaffRole.REVIEWER));
        members.signedIn("m3", "Manager without email", null, Set.of(StaffRole.MANAGER));

        assertThat(members.managerEmails()).containsExactly("manager@council.example");
    }

    @Test
    void someoneWhoNeverSignedInHasNoAddressAndIsShownByTheirId() {
        assertThat(members.emailOf("unknown")).isEmpty();
        assertThat(members.displayNameOf("unknown")).isEqualTo("unknown");
    }

    private static JdbcClient database() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return JdbcClient.create(dataSource);
    }
}
