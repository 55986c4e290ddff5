package id.peduli.workshop;

import static id.peduli.access.AccessTestSupport.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import id.peduli.casework.EnrolCommand;
import id.peduli.casework.Enrolments;
import id.peduli.casework.Programmes;
import id.peduli.organization.OrgUnit;
import id.peduli.organization.OrgUnitCommand;
import id.peduli.organization.OrgUnitType;
import id.peduli.organization.Organizations;
import java.time.LocalDate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.json.JsonMapper;

/** Sites, products and participants for the workshop tests, made through the application. */
final class WorkshopTestSupport {

    static final String MANAGER = "manajer.kartini";
    static final String MENTOR = "pendamping.temanggung";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private WorkshopTestSupport() {}

    static long unit(ApplicationContext context, String name) {
        return context.getBean(Organizations.class).tree().stream()
                .filter(u -> u.name().equals(name))
                .findFirst()
                .orElseThrow()
                .id();
    }

    /** The site, registered as a workshop site when it is not yet. */
    static long site(ApplicationContext context, String name) {
        long id = unit(context, name);
        Sites sites = context.getBean(Sites.class);
        if (!sites.isSite(id)) {
            asUser(context, "admin", () -> sites.register(id, SiteCommand.empty()));
        }
        return id;
    }

    /**
     * A new site under the demo's centre, registered as a workshop site: for tests that need months without the demo
     * year's sessions and frozen payouts.
     */
    static long freshSite(ApplicationContext context, String name) {
        Organizations organizations = context.getBean(Organizations.class);
        long centre = unit(context, "BBRSBG Kartini Temanggung");
        long id = organizations.tree().stream()
                .filter(u -> u.name().equals(name))
                .map(OrgUnit::id)
                .findFirst()
                .orElseGet(() -> asUser(
                        context,
                        "admin",
                        () -> organizations
                                .create(new OrgUnitCommand(
                                        centre, name, null, OrgUnitType.SITE, "33.23", null, true, false))
                                .id()));
        site(context, name);
        return id;
    }

    static ProductView product(ApplicationContext context, long siteId, String code, long price) {
        Sites sites = context.getBean(Sites.class);
        Products products = context.getBean(Products.class);
        long centre = sites.get(siteId).centreId();
        return products.ofCentre(centre).stream()
                .filter(p -> p.code().equals(code))
                .findFirst()
                .orElseGet(() -> asUser(
                        context,
                        "admin",
                        () -> products.create(
                                centre, new ProductCommand(code, "Keset " + code, "lembar", price, true))));
    }

    /** A person registered at the site with the workshop consent, enrolled in the programme from {@code from}. */
    static Participant participant(ApplicationContext context, MockMvc mvc, long siteId, String name, LocalDate from)
            throws Exception {
        MvcResult created = mvc.perform(bearer(post("/api/v1/people"), context, MANAGER)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"orgUnitId\":" + siteId + ",\"fullName\":\"" + name + "\",\"sex\":\"F\","
                                + "\"birthYear\":1995,\"disabilityTypes\":[\"INTELLECTUAL\"],\"acceptWarnings\":true}"))
                .andReturn();
        if (created.getResponse().getStatus() != 201) {
            throw new IllegalStateException(created.getResponse().getContentAsString());
        }
        long personId = JSON.readTree(created.getResponse().getContentAsString())
                .get("id")
                .asLong();
        MvcResult consent = mvc.perform(bearer(post("/api/v1/people/" + personId + "/consents"), context, MANAGER)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"purpose\":\"WORKSHOP_SERVICES\",\"basis\":\"PUBLIC_TASK\","
                                + "\"noticeVersion\":\"v1\",\"givenOn\":\"" + from + "\"}"))
                .andReturn();
        if (consent.getResponse().getStatus() != 201) {
            throw new IllegalStateException(consent.getResponse().getContentAsString());
        }
        long centre = context.getBean(Sites.class).get(siteId).centreId();
        long enrolment = asUser(context, MANAGER, () -> {
            context.getBean(Programmes.class)
                    .ensure(Participants.PROGRAMME, "Sheltered Workshop Peduli", Programmes.WORKSHOP, centre);
            return context.getBean(Enrolments.class)
                    .enrol(new EnrolCommand(personId, Participants.PROGRAMME, siteId, null, from, "peserta uji"))
                    .id();
        });
        return asUser(
                context,
                MANAGER,
                () -> context.getBean(Participants.class).find(enrolment).orElseThrow());
    }

    static <T> T asUser(ApplicationContext context, String username, java.util.function.Supplier<T> action) {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        UserDetails details = context.getBean(UserDetailsService.class).loadUserByUsername(username);
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()));
        try {
            return action.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }
}
