package org.csonline.onboarding.dashboard;

import org.csonline.onboarding.web.Messages;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The manager's dashboard (role MANAGER), and the same figures as CSV. */
@Controller
class DashboardController {

    private final DashboardService dashboards;
    private final Messages messages;

    DashboardController(DashboardService dashboards, Messages messages) {
        this.dashboards = dashboards;
        this.messages = messages;
    }

    @GetMapping("/staff/dashboard")
    String dashboard(@RequestParam(defaultValue = "4") int weeks, Model model) {
        int chosen = chosen(weeks);
        model.addAttribute("dashboard", DashboardView.of(dashboards.dashboard(chosen), messages));
        model.addAttribute("periods", DashboardService.PERIODS);
        model.addAttribute("weeks", chosen);
        return "staff/dashboard";
    }

    @GetMapping("/staff/dashboard/figures.csv")
    ResponseEntity<String> csv(@RequestParam(defaultValue = "4") int weeks) {
        int chosen = chosen(weeks);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"onboarding-dashboard-" + chosen + "-weeks.csv\"")
                .body(DashboardCsv.of(dashboards.dashboard(chosen), messages));
    }

    /** Only the offered periods: anything else (typed into the address) falls back to the default. */
    private static int chosen(int weeks) {
        return DashboardService.PERIODS.contains(weeks) ? weeks : 4;
    }
}
