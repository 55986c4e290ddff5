package id.peduli.registry.person;

import id.peduli.access.Access;
import id.peduli.platform.FormErrors;
import id.peduli.platform.Ui;
import id.peduli.registry.ConsentPurposes;
import id.peduli.registry.PersonView;
import id.peduli.registry.ProfileTab;
import id.peduli.registry.RegistryRoles;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The person's profile page with one tab open. The page controllers render it after a GET and again after a form
 * of a tab was refused: the forms then show what the model already holds for them (the values typed and the errors,
 * see {@link ConsentFormValues} and {@link HouseholdFormValues}).
 */
@Component
class ProfilePage {

    /** The purposes a user may declare for opening a profile. */
    static final List<String> PURPOSES =
            List.of("SERVICE_DELIVERY", "ELIGIBILITY_CHECK", "DATA_QUALITY", "DATA_SUBJECT_REQUEST", "SUPERVISION");

    private final People people;
    private final Households households;
    private final Consents consents;
    private final Merges merges;
    private final Access access;
    private final PersonHistory history;
    private final ProfileTabs tabs;

    ProfilePage(
            People people,
            Households households,
            Consents consents,
            Merges merges,
            Access access,
            PersonHistory history,
            ProfileTabs tabs) {
        this.people = people;
        this.households = households;
        this.consents = consents;
        this.merges = merges;
        this.access = access;
        this.history = history;
        this.tabs = tabs;
    }

    static String purposeOrDefault(String purpose) {
        return purpose != null && PURPOSES.contains(purpose) ? purpose : "SERVICE_DELIVERY";
    }

    /** Fills the model for the profile of {@code id} with {@code tab} open; returns the view name. */
    String render(long id, String tab, String purpose, Long picked, Ui ui, Model model) {
        String chosenPurpose = purposeOrDefault(purpose);
        PersonView person = people.open(id, chosenPurpose);
        List<ProfileTab.Shown> visibleTabs = tabs.visible(id, person.orgUnitId());
        ProfileTab.Shown activeTab = visibleTabs.stream()
                .filter(t -> t.key().equals(tab))
                .findFirst()
                .orElse(visibleTabs.get(0));
        String chosenTab = activeTab.key();
        // A merged record stays only to explain the merge: its data, consents and household moved to the survivor.
        boolean merged = person.mergedInto() != null;
        boolean canWrite = !merged && access.covers(person.orgUnitId(), RegistryRoles.WRITE);
        model.addAttribute("person", person);
        model.addAttribute("tab", chosenTab);
        model.addAttribute("tabs", visibleTabs);
        model.addAttribute("fragmentUrl", activeTab.fragmentUrl());
        model.addAttribute("purpose", chosenPurpose);
        model.addAttribute("canWrite", canWrite);
        model.addAttribute("canMerge", !merged && access.covers(person.orgUnitId(), RegistryRoles.MERGE));
        // A household of another unit is shown only as existing; its members and cards stay hidden.
        Optional<Long> householdId = households.householdOf(id);
        boolean householdOutsideScope = householdId.isPresent() && !households.readable(householdId.get());
        model.addAttribute("householdOutsideScope", householdOutsideScope);
        model.addAttribute(
                "household",
                chosenTab.equals("household") && householdId.isPresent() && !householdOutsideScope
                        ? households.open(householdId.get(), chosenPurpose)
                        : null);
        model.addAttribute("consents", chosenTab.equals("consent") ? consents.open(id, chosenPurpose) : List.of());
        model.addAttribute("history", chosenTab.equals("history") ? history.of(id, ui) : List.of());
        model.addAttribute("merges", chosenTab.equals("history") ? merges.historyOf(id) : List.of());
        model.addAttribute("purposes", PURPOSES);
        model.addAttribute("consentPurposes", consents.purposes());
        model.addAttribute(
                "consentPurposeLabels",
                consents.purposes().stream()
                        .collect(Collectors.toMap(ConsentPurposes.Purpose::code, ConsentPurposes.Purpose::labelKey)));
        if (!model.containsAttribute("consentErrors")) {
            model.addAttribute("consentErrors", FormErrors.none());
            model.addAttribute("consentForm", ConsentFormValues.empty());
        }
        if (!model.containsAttribute("householdErrors")) {
            model.addAttribute("householdErrors", FormErrors.none());
            model.addAttribute("householdForm", null);
        }
        model.addAttribute("picked", picked);
        return "registry/profile";
    }
}
