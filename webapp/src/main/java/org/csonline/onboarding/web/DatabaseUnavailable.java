package org.csonline.onboarding.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.csonline.onboarding.ratelimit.RateLimiter;
import org.csonline.onboarding.support.DatabaseFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.HtmlUtils;

/**
 * When the database cannot be reached, every page answers with the service's own "try again shortly" page (HTTP 503
 * with Retry-After) instead of a 500. Nothing is half-written: each page's changes, and the process commands they
 * cause, are one transaction. The app needs no restart: the connection pool connects again when the database is back.
 * A filter rather than a controller advice, so failures in other filters (sessions, security) are caught too, and
 * the first filter, holding the page until the request is over: Spring Session writes the session after the page is
 * rendered, and a failure then still becomes the 503 page rather than a page cut off half-way. The rate-limit
 * attempts such a request took are given back: the person did nothing the limits are for.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DatabaseUnavailable extends OncePerRequestFilter {

    static final String RETRY_AFTER_SECONDS = "30";
    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailable.class);

    private final RateLimiter rateLimiter;
    private final Messages messages;

    DatabaseUnavailable(RateLimiter rateLimiter, Messages messages) {
        this.rateLimiter = rateLimiter;
        this.messages = messages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // The page is held until the request is over: the session is written after the page is rendered, and a
        // failure then must still be able to become the 503 page instead of a page cut off half-way.
        ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
        try (RateLimiter.Attempts attempts = rateLimiter.countAttempts()) {
            try {
                chain.doFilter(request, held);
            } catch (ServletException | RuntimeException e) {
                if (!DatabaseFailures.isUnreachable(e) || response.isCommitted()) {
                    throw e;
                }
                if (request.getDispatcherType() == DispatcherType.ERROR) {
                    // The error page itself needed the database (its session): a plain page says the same.
                    answerPlainTryAgain(request, response);
                    return;
                }
                // Most likely nothing was done: the attempt does not count towards the person's limits.
                attempts.giveBack();
                answerTryAgain(request, response, e);
                return;
            }
        }
        held.copyBodyToResponse();
    }

    /** Error pages come through here too, so that one that fails for want of the database still answers. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    private void answerPlainTryAgain(HttpServletRequest request, HttpServletResponse response) throws IOException {
        log.warn("Database unreachable: the error page for {} answered a plain 503", request.getRequestURI());
        String title = HtmlUtils.htmlEscape(messages.text("error.title.503"));
        String body = HtmlUtils.htmlEscape(messages.text("error.body.503"));
        response.resetBuffer();
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
                + "content=\"width=device-width, initial-scale=1\"><title>" + title + "</title></head><body><main>"
                + "<h1>" + title + "</h1><p>" + body + "</p></main></body></html>");
    }

    private static void answerTryAgain(HttpServletRequest request, HttpServletResponse response, Exception e)
            throws IOException {
        log.warn("Database unreachable: {} answered 503 ({})", request.getRequestURI(), rootMessage(e));
        response.resetBuffer();
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
