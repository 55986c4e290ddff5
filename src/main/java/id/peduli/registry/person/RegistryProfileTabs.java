package id.peduli.registry.person;

import id.peduli.registry.ProfileTab;
import id.peduli.registry.RegistryRoles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The registry's own profile tabs; the programmes tab lists what the {@link ProgramEnrolments} beans report. */
@Configuration(proxyBeanMethods = false)
class RegistryProfileTabs {

    static final String DETAILS = "details";

    @Bean
    ProfileTab detailsTab() {
        return new BuiltIn(DETAILS, 100);
    }

    @Bean
    ProfileTab householdTab() {
        return new BuiltIn("household", 200);
    }

    @Bean
    ProfileTab consentTab() {
        return new BuiltIn("consent", 300);
    }

    @Bean
    ProfileTab programmesTab() {
        return new ProfileTab() {
            @Override
            public String key() {
                return "programmes";
            }

            @Override
            public String labelKey() {
                return "profile.tab.programmes";
            }

            @Override
            public int order() {
                return 500;
            }

            @Override
            public String[] roles() {
                return RegistryRoles.READ.clone();
            }

            @Override
            public String fragmentUrl(long personId) {
                return "/people/" + personId + "/programmes";
            }
        };
    }

    @Bean
    ProfileTab historyTab() {
        return new BuiltIn("history", 900);
    }

    /** A tab the profile template renders itself. */
    record BuiltIn(String key, int order) implements ProfileTab {

        @Override
        public String labelKey() {
            return "profile.tab." + key;
        }

        @Override
        public String[] roles() {
            return RegistryRoles.READ.clone();
        }
    }
}
