package org.yizhan.kit.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.List;

/** Stops a service at start-up whose token settings are missing or still name the local run's issuer. */
@ApplicationScoped
public class TokenSettingsCheck {

    void check(@Observes StartupEvent event) {
        List<String> problems = TokenRules.settingsProblems(ConfigProvider.getConfig());
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The token settings are not fit for this environment: "
                    + String.join(" ", problems));
        }
    }
}
