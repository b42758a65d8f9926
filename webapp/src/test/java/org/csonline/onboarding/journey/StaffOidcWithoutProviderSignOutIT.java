package org.csonline.onboarding.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.csonline.onboarding.journey.Browser.Page;
import org.csonline.onboarding.journey.TestIdentityProvider.Person;
import org.csonline.onboarding.journey.TestIdentityProvider.Shape;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A provider of another shape: roles in a nested claim (Keycloak's {@code realm_access.roles}, reached by a dotted
 * path) and no {@code end_session_endpoint} in its discovery document, so sign-out can end only the app's session.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cso.engine.port=0",
        "cso.staff.users=",
        "cso.staff.oidc.client-id=" + TestIdentityProvider.CLIENT_ID,
        "cso.staff.oidc.client-secret=" + TestIdentityProvider.CLIENT_SECRET,
        "cso.staff.oidc.role-claim=realm_access.roles",
        "cso.staff.oidc.roles.caseworker=cso-caseworker",
        "cso.staff.oidc.roles.reviewer=cso-reviewer",
        "cso.staff.oidc.roles.manager=cso-manager"})
@ActiveProfiles("local")
@DirtiesContext
class StaffOidcWithoutProviderSignOutIT {

    static final Person ROBIN = new Person("robin", "3d0c9a52-1f7e-4b39-8d5a-6e2f7c1b0a55", "Robin Reviewer",
            "robin@council.example", List.of("offline_access", "cso-reviewer"));

    static final TestIdentityProvider provider = TestIdentityProvider.start(new Shape(true, true), ROBIN);

    @DynamicPropertySource
    static void councilProvider(DynamicPropertyRegistry registry) {
        registry.add("cso.staff.oidc.issuer-uri", provider::issuer);
    }

    @AfterAll
    static void stopProvider() {
        provider.close();
    }

    @LocalServerPort
    int port;

    @Test
    void nestedRolesClaimGivesTheRoleAndSignOutEndsTheAppSessionOnly() {
        String base = "http://127.0.0.1:" + port;
        provider.appRunsAt(base);
        Browser robin = new Browser(base);
        Page providerPage = robin.get(robin.get("/staff").html().selectFirst("#provider-sign-in").attr("href"));
        Page home = robin.submitForm(providerPage, "form", Map.of("username", ROBIN.username(),
                "password", TestIdentityProvider.PASSWORD));
        assertThat(home.text()).contains("Signed in as Robin Reviewer", "Access reviews")
                .doesNotContain("Start an onboarding");

        Page signedOut = robin.submit(home, "Sign out");

        assertThat(signedOut.visited()).noneMatch(uri -> uri.toString().startsWith(provider.issuer()));
        assertThat(provider.signOuts()).isZero();
        assertThat(signedOut.uri()).isEqualTo(URI.create(base + "/staff/sign-in?signedOut"));
        assertThat(signedOut.text()).contains("You have signed out");
        assertThat(robin.get("/staff").uri().getPath()).isEqualTo("/staff/sign-in");
        // The provider's session is still there: signing in again needs no password.
        Page again = robin.get(robin.get("/staff/sign-in").html().selectFirst("#provider-sign-in").attr("href"));
        assertThat(again.uri().getPath()).isEqualTo("/staff");
        assertThat(again.text()).contains("Signed in as Robin Reviewer");
    }
}
