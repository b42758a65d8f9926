package org.csonline.onboarding.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.annotation.VariablesAsType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.assertj.core.api.SoftAssertions;
import org.csonline.onboarding.notice.StaffNoticeKind;
import org.csonline.onboarding.onboarding.CancellationReason;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.util.ClassUtils;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The contract between the model, its README and the code: job types, messages and variables are the same in all
 * three, so a rename in one place fails here instead of leaving a job nobody takes or a message nobody catches.
 * Workers and messages are read from the compiled classes; variables that code puts in maps by literal (where no
 * {@link ProcessVariables} constant is used yet) are read from the sources.
 */
class ProcessContractTest {

    private static final Path README = Path.of("../bpmn/README.md");
    private static final Path MODEL = Path.of("../bpmn/cso-onboarding.bpmn");
    private static final Path SOURCES = Path.of("src/main/java");
    private static final String ZEEBE = "http://camunda.org/schema/zeebe/1.0";
    private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern PUBLISHED_MAP =
            Pattern.compile("\\.publish\\(ProcessMessage\\.\\w+,[^;]*?Map\\.of\\(([^;]*);");
    private static final Pattern RETURNED_MAP = Pattern.compile("return Map\\.of\\(([^;]*);");
    private static final Pattern PUT = Pattern.compile("\\.put\\(\"([a-z][A-Za-z]*)\"");
    private static final Pattern MAP_KEY = Pattern.compile("\"([a-z][A-Za-z]*)\"\\s*,");
    private static final Pattern UPPER_LITERAL = Pattern.compile("\"([A-Z][A-Z_]*)\"");

    private final Document model = model();
    private final List<String> readme = readme();

    @Test
    void everyJobTypeHasExactlyOneWorkerAndIsInTheReadmeAndTheModel() {
        Map<String, List<String>> workers = workers();
        Set<String> inReadme = firstColumn("Job types");
        Set<String> inModel = new TreeSet<>();
        inModel.addAll(attributes(ZEEBE, "taskDefinition", "type"));
        inModel.addAll(attributes(ZEEBE, "executionListener", "type"));

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(workers).as("job types with more than one worker").allSatisfy((type, methods) ->
                assertThat(methods).as("workers of %s", type).hasSize(1));
        soft.assertThat(missing(workers.keySet(), inReadme)).as("job types with a worker, missing in bpmn/README.md")
                .isEmpty();
        soft.assertThat(missing(workers.keySet(), inModel)).as("job types with a worker, missing in the model").isEmpty();
        soft.assertThat(missing(inModel, workers.keySet())).as("job types in the model without a worker").isEmpty();
        soft.assertThat(missing(inReadme, workers.keySet())).as("job types in bpmn/README.md without a worker").isEmpty();
        soft.assertAll();
    }

    @Test
    void everyMessageIsInTheReadmeAndTheModel() {
        Set<String> inCode = Arrays.stream(ProcessMessage.values()).map(ProcessMessage::messageName)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> inReadme = firstColumn("Messages");
        Set<String> inModel = attributes(BPMN, "message", "name");

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(missing(inCode, inReadme)).as("messages the code publishes, missing in bpmn/README.md").isEmpty();
        soft.assertThat(missing(inCode, inModel)).as("messages the code publishes, missing in the model").isEmpty();
        soft.assertThat(missing(inModel, inCode)).as("messages in the model that the code never publishes").isEmpty();
        soft.assertThat(missing(inReadme, inCode)).as("messages in bpmn/README.md that the code never publishes")
                .isEmpty();
        soft.assertAll();
    }

    @Test
    void everyVariableIsInTheReadmeAndEveryReadmeVariableIsUsed() {
        Set<String> inCode = new TreeSet<>();
        inCode.addAll(constants(ProcessVariables.class));
        inCode.addAll(workerVariables());
        inCode.addAll(literalMapKeys());
        Set<String> inReadme = firstColumn("Variables");
        Set<String> mappedInModel = attributes(ZEEBE, "input", "target");
        mappedInModel.addAll(attributes(ZEEBE, "output", "target"));
        String modelText = read(MODEL);

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(missing(inCode, inReadme)).as("variables the code sets or reads, missing in bpmn/README.md")
                .isEmpty();
        soft.assertThat(missing(mappedInModel, inReadme)).as("variables the model maps, missing in bpmn/README.md")
                .isEmpty();
        soft.assertThat(inReadme.stream().filter(v -> !inCode.contains(v) && !modelText.contains(v)).toList())
                .as("variables in bpmn/README.md that neither the code nor the model uses").isEmpty();
        soft.assertAll();
    }

    @Test
    void everyReasonAndNoticeTheModelSetsIsOneTheCodeKnows() {
        assertThat(literalsMappedTo(ProcessVariables.CANCELLATION_REASON)).isNotEmpty()
                .as("cancellation reasons the model sets that CancellationReason lacks")
                .allMatch(reason -> CancellationReason.of(reason).isPresent());
        Set<String> notices = literalsMappedTo("caseworkerNotice");
        assertThat(notices).isNotEmpty().as("caseworker notices the model sets that StaffNoticeKind lacks")
                .allMatch(notice -> StaffNoticeKind.of(notice).isPresent());
    }

    /** Job type to the worker methods that take it, from the classes on the classpath. */
    private static Map<String, List<String>> workers() {
        Map<String, List<String>> workers = new TreeMap<>();
        for (Class<?> type : classesWithWorkers()) {
            for (Method method : type.getDeclaredMethods()) {
                JobWorker worker = method.getAnnotation(JobWorker.class);
                if (worker != null) {
                    workers.computeIfAbsent(worker.type(), t -> new ArrayList<>())
                            .add(type.getSimpleName() + "." + method.getName());
                }
            }
        }
        assertThat(workers).as("job workers found on the classpath").isNotEmpty();
        return workers;
    }

    /** The variables workers read: their {@code @Variable} parameters and {@code @VariablesAsType} records. */
    private static Set<String> workerVariables() {
        Set<String> variables = new TreeSet<>();
        for (Class<?> type : classesWithWorkers()) {
            for (Method method : type.getDeclaredMethods()) {
                if (method.isAnnotationPresent(JobWorker.class)) {
                    for (Parameter parameter : method.getParameters()) {
                        Variable variable = parameter.getAnnotation(Variable.class);
                        if (variable != null) {
                            variables.add(!variable.name().isEmpty() ? variable.name()
                                    : !variable.value().isEmpty() ? variable.value() : parameter.getName());
                        }
                        if (parameter.isAnnotationPresent(VariablesAsType.class) && parameter.getType().isRecord()) {
                            Arrays.stream(parameter.getType().getRecordComponents()).map(RecordComponent::getName)
                                    .forEach(variables::add);
                        }
                    }
                }
            }
        }
        assertThat(variables).as("parameter names (compiled with -parameters)").doesNotContain("arg0", "arg1");
        return variables;
    }

    private static List<Class<?>> classesWithWorkers() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter((reader, factory) ->
                reader.getAnnotationMetadata().hasAnnotatedMethods(JobWorker.class.getName()));
        return scanner.findCandidateComponents("org.csonline.onboarding").stream()
                .map(BeanDefinition::getBeanClassName)
                .<Class<?>>map(name -> ClassUtils.resolveClassName(name, ProcessContractTest.class.getClassLoader()))
                .toList();
    }

    /** Keys written as string literals in maps published to the process or returned by a worker. */
    private static Set<String> literalMapKeys() {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = read(file);
                keys.addAll(matches(MAP_KEY, PUBLISHED_MAP, text));
                if (text.contains("@JobWorker")) {
                    keys.addAll(matches(MAP_KEY, RETURNED_MAP, text));
                    Matcher put = PUT.matcher(text);
                    while (put.find()) {
                        keys.add(put.group(1));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }

    private static Set<String> matches(Pattern inner, Pattern outer, String text) {
        Set<String> found = new TreeSet<>();
        Matcher statement = outer.matcher(text);
        while (statement.find()) {
            Matcher key = inner.matcher(statement.group(1));
            while (key.find()) {
                found.add(key.group(1));
            }
        }
        return found;
    }

    private static Set<String> constants(Class<?> holder) {
        Set<String> values = new TreeSet<>();
        for (Field field : holder.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    values.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return values;
    }

    /** The string literals the model's input and output mappings give {@code target}. */
    private Set<String> literalsMappedTo(String target) {
        Set<String> literals = new TreeSet<>();
        for (String kind : List.of("input", "output")) {
            NodeList mappings = model.getElementsByTagNameNS(ZEEBE, kind);
            for (int i = 0; i < mappings.getLength(); i++) {
                Element mapping = (Element) mappings.item(i);
                if (mapping.getAttribute("target").equals(target)) {
                    Matcher literal = UPPER_LITERAL.matcher(mapping.getAttribute("source"));
                    while (literal.find()) {
                        literals.add(literal.group(1));
                    }
                }
            }
        }
        return literals;
    }

    private Set<String> attributes(String namespace, String element, String attribute) {
        Set<String> values = new TreeSet<>();
        NodeList nodes = model.getElementsByTagNameNS(namespace, element);
        for (int i = 0; i < nodes.getLength(); i++) {
            values.add(((Element) nodes.item(i)).getAttribute(attribute));
        }
        assertThat(values).as("%s %s in the model", element, attribute).isNotEmpty();
        return values;
    }

    /** The `code` spans in the first column of the first table under {@code ## heading}. */
    private Set<String> firstColumn(String heading) {
        int start = readme.indexOf("## " + heading);
        assertThat(start).as("bpmn/README.md has a section %s", heading).isNotNegative();
        Set<String> values = new LinkedHashSet<>();
        boolean headerSeen = false;
        for (String line : readme.subList(start + 1, readme.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            if (!line.startsWith("|")) {
                continue;
            }
            if (!headerSeen || line.startsWith("|---")) {
                headerSeen = true;
                continue;
            }
            Matcher code = CODE.matcher(line.substring(1).split("\\|", -1)[0]);
            while (code.find()) {
                values.add(code.group(1));
            }
        }
        return values;
    }

    private static Set<String> missing(Set<String> from, Set<String> in) {
        return from.stream().filter(value -> !in.contains(value)).collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<String> readme() {
        try {
            return Files.readAllLines(README);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Document model() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().parse(MODEL.toFile());
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read " + MODEL, e);
        }
    }
}
