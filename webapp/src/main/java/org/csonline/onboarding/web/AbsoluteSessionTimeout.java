package org.csonline.onboarding.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.csonline.onboarding.audit.AuditEvent;
import org.csonline.onboarding.audit.AuditLog;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends every session a fixed time after it began, however busy (the idle timeout is
 * {@code server.servlet.session.timeout}). The next page then explains what happened. It runs just inside Spring
 * Session's filter, so the session it sees, and its creation time, are the one in the database that every instance
 * shares.
 */
@Component
@Order(SessionRepositoryFilter.DEFAULT_ORDER + 10)
class AbsoluteSessionTimeout extends OncePerRequestFilter {

    static final String EXPIRED_PAGE = "/session-expired";

    private final Duration maximum;
    private final Clock clock;
    private final AuditLog audit;

    AbsoluteSessionTimeout(@Value("${cso.session.absolute-timeout:PT12H}") Duration maximum, Clock clock,
            AuditLog audit) {
        this.maximum = maximum;
        this.clock = clock;
        this.audit = audit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && isTooOld(session.getCreationTime())) {
            session.invalidate();
            audit.record(AuditEvent.SESSION_EXPIRED.from(ClientAddress.of(request)).detail("absolute timeout"));
            response.sendRedirect(request.getContextPath() + EXPIRED_PAGE);
            return;
        }
        chain.doFilter(request, response);
    }

    boolean isTooOld(long createdAtMillis) {
        return clock.millis() - createdAtMillis >= maximum.toMillis();
    }
}
