package org.csonline.onboarding.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.function.Supplier;
import org.csonline.onboarding.email.EmailSender;
import org.csonline.onboarding.email.OutgoingEmail;
import org.csonline.onboarding.phone.PhoneChannel;
import org.csonline.onboarding.phone.PhoneCheckResult;
import org.csonline.onboarding.phone.PhoneCodeOutcome;
import org.csonline.onboarding.phone.PhoneVerification;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Wraps the email sender and the phone verification (SendGrid and Twilio, or their local stand-ins) so every call
 * to a provider is timed and counted by outcome, without the workers knowing about metrics.
 */
@Component
class MeteredProviders implements BeanPostProcessor {

    static final String CALLS = "cso.provider.calls";

    // Looked up on first use: a post-processor that needed the registry at once would create it too early.
    private final ObjectProvider<MeterRegistry> registry;

    MeteredProviders(ObjectProvider<MeterRegistry> registry) {
        this.registry = registry;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof EmailSender sender && !(bean instanceof MeteredEmailSender)) {
            return new MeteredEmailSender(sender, this);
        }
        if (bean instanceof PhoneVerification verification && !(bean instanceof MeteredPhoneVerification)) {
            return new MeteredPhoneVerification(verification, this);
        }
        return bean;
    }

    /** Runs one provider call, recording its latency with its outcome: success, refused, or failure (an exception). */
    <T> T time(String provider, String operation, Object implementation, Supplier<T> call) {
        long start = System.nanoTime();
        String outcome = "failure";
        try {
            T result = call.get();
            outcome = result instanceof PhoneCodeOutcome code && code != PhoneCodeOutcome.SENT ? "refused" : "success";
            return result;
        } finally {
            Timer.builder(CALLS).description("Calls to the email and phone providers, by outcome")
                    .tag("provider", provider).tag("operation", operation)
                    .tag("implementation", implementation.getClass().getSimpleName()).tag("outcome", outcome)
                    .publishPercentileHistogram().maximumExpectedValue(Duration.ofSeconds(30))
                    .register(registry.getObject()).record(Duration.ofNanos(System.nanoTime() - start));
        }
    }

    record MeteredEmailSender(EmailSender delegate, MeteredProviders metrics) implements EmailSender {
        @Override
        public String send(OutgoingEmail email) {
            return metrics.time("email", "send", delegate, () -> delegate.send(email));
        }
    }

    record MeteredPhoneVerification(PhoneVerification delegate, MeteredProviders metrics) implements PhoneVerification {
        @Override
        public PhoneCodeOutcome start(String e164, PhoneChannel channel) {
            return metrics.time("phone", "send-" + channel.name().toLowerCase(java.util.Locale.ROOT), delegate,
                    () -> delegate.start(e164, channel));
        }

        @Override
        public PhoneCheckResult check(String e164, String code) {
            return metrics.time("phone", "check", delegate, () -> delegate.check(e164, code));
        }
    }
}
