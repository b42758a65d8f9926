package org.csonline.onboarding.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.csonline.onboarding.timeline.JourneyStep;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** The caseworker's timeline can describe every step the model reports, and knows no step the model lacks. */
class TimelineStepsTest {

    private static final String ZEEBE = "http://camunda.org/schema/zeebe/1.0";

    @Test
    void everyElementWithATimelineListenerIsAJourneyStep() throws Exception {
        Set<String> reporting = new TreeSet<>();
        try (InputStream in = getClass().getResourceAsStream("/bpmn/cso-onboarding.bpmn")) {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            var listeners = factory.newDocumentBuilder().parse(in).getElementsByTagNameNS(ZEEBE, "executionListener");
            for (int i = 0; i < listeners.getLength(); i++) {
                var element = (Element) listeners.item(i).getParentNode().getParentNode().getParentNode();
                reporting.add(element.getAttribute("id"));
            }
        }
        Set<String> known = Arrays.stream(JourneyStep.values()).map(JourneyStep::elementId)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(known).isEqualTo(reporting);
    }
}
