package org.csonline.onboarding.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import jakarta.servlet.FilterChain;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.csonline.onboarding.audit.AuditLog;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.session.web.http.SessionRepositoryFilter;

class AbsoluteSessionTimeoutTest {

    final MockHttpSession session = new MockHttpSession();
    final Instant created = Instant.ofEpochMilli(session.getCreationTime());

    @Test
    void letsASessionYoungerThanTwelveHoursThrough() throws Exception {
        MockHttpServletResponse response = run(Duration.ofHours(11).plusMinutes(59));
        assertThat(response.getRedirectedUrl()).isNull();
        assertThat(session.isInvalid()).isFalse();
    }

    @Test
    void endsASessionTwelveHoursAfterItBeganHoweverBusy() throws Exception {
        MockHttpServletResponse response = run(Duration.ofHours(12));
        assertThat(response.getRedirectedUrl()).isEqualTo("/session-expired");
        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void leavesRequestsWithoutASessionAlone() throws Exception {
        AbsoluteSessionTimeout filter = filterAt(created.plus(Duration.ofDays(3)));
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/sign-in");
        MockHttpServletResponse response = new MockHttpServletResponse();
        FilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        assertThat(response.getRedirectedUrl()).isNull();
    }

    @Test
    void runsInsideSpringSessionsFilterSoItSeesTheSessionEveryInstanceShares() {
        int order = AbsoluteSessionTimeout.class.getAnnotation(Order.class).value();
        assertThat(order).as("after the filter that puts the database's session on the request")
                .isGreaterThan(SessionRepositoryFilter.DEFAULT_ORDER)
                .as("before Spring Security reads the session").isLessThan(SecurityProperties.DEFAULT_FILTER_ORDER);
    }

    private MockHttpServletResponse run(Duration age) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/setup");
        request.setSession(session);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filterAt(created.plus(age)).doFilter(request, response, new MockFilterChain());
        return response;
    }

    private static AbsoluteSessionTimeout filterAt(Instant now) {
        return new AbsoluteSessionTimeout(Duration.ofHours(12), Clock.fixed(now, ZoneOffset.UTC), mock(AuditLog.class));
    }
}
