package org.csonline.onboarding.web;

import jakarta.servlet.RequestDispatcher;
import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * What the error pages (templates/error) know: the status and whether the failed address was a staff page, so the
 * page links to the right home. The error view runs at /error, where the request's own address no longer says so.
 * Never the exception, its message or its trace.
 */
@Component
class ErrorPageAttributes extends DefaultErrorAttributes {

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request,
                options.excluding(ErrorAttributeOptions.Include.STACK_TRACE, ErrorAttributeOptions.Include.MESSAGE,
                        ErrorAttributeOptions.Include.EXCEPTION, ErrorAttributeOptions.Include.BINDING_ERRORS));
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI, RequestAttributes.SCOPE_REQUEST);
        String contextPath = request.getContextPath();
        boolean staffPage = path instanceof String p && p.startsWith(contextPath + "/staff");
        attributes.put("staffPage", staffPage);
        int status = attributes.get("status") instanceof Integer s ? s : 500;
        String kind = status == 400 || status == 403 || status == 404 ? Integer.toString(status)
                : status >= 500 ? "5xx" : "400";
        attributes.put("errorKind", kind);
        // "Ask your manager" only for signed-in staff missing a role; anyone else met a stale form (CSRF).
        boolean staffMissingRole = staffPage && signedIn();
        attributes.put("errorBodyKey", "error.body." + kind + (kind.equals("403") && !staffMissingRole ? ".public" : ""));
        // Someone the council's provider signed in with no staff role at all can reach no staff page, not even the
        // staff home with its sign-out button: this page has one for them.
        attributes.put("staffSignOut", staffMissingRole && kind.equals("403") && !hasStaffRole());
        return attributes;
    }

    private static boolean hasStaffRole() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(a -> a.equals("ROLE_CASEWORKER") || a.equals("ROLE_REVIEWER") || a.equals("ROLE_MANAGER"));
    }

    private static boolean signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }
}
