package id.peduli.registry.person;

import id.peduli.platform.ApiDownload;
import id.peduli.platform.Idempotent;
import id.peduli.registry.ConsentCommand;
import id.peduli.registry.PersonView;
import id.peduli.registry.RegistryRoles;
import id.peduli.shared.BusinessException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.InputStream;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * People, consent, households, photos and merges over the API, with the same rules and scope as the pages: reading
 * needs a registry role for the person's unit, changing a writing role, merging a programme manager's role.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "People registry", description = "People, households, family cards, consent and merges")
class PersonApiController {

    private final People people;
    private final Households households;
    private final Consents consents;
    private final Photos photos;
    private final Merges merges;
    private final MessageSource messages;

    PersonApiController(
            People people,
            Households households,
            Consents consents,
            Photos photos,
            Merges merges,
            MessageSource messages) {
        this.people = people;
        this.households = households;
        this.consents = consents;
        this.photos = photos;
        this.merges = merges;
        this.messages = messages;
    }

    @Schema(name = "PersonUpdateRequest")
    record UpdateRequest(
            @NotNull(message = "{validation.required}") Integer version,

            @NotNull(message = "{validation.required}") @Valid
            PersonCommand person) {}

    @Schema(name = "ConsentWithdrawRequest")
    record WithdrawRequest(
            LocalDate on,

            @Size(max = 500, message = "{validation.maxLength}")
            String reason) {}

    @Schema(name = "HouseholdMemberRequest")
    record MemberRequest(
            @NotNull(message = "{validation.required}") Long personId,
            @NotNull(message = "{validation.required}") HouseholdView.Relationship relationship) {}

    @Schema(name = "FamilyCardRequest")
    record FamilyCardRequest(String kk, LocalDate validFrom) {}

    @Schema(name = "HouseholdDecileRequest")
    record DecileRequest(
            @NotNull(message = "{validation.required}") Integer version, Integer decile, LocalDate checkedOn) {}

    @Schema(name = "PersonMergeRequest")
    record MergeRequest(
            @NotNull(message = "{validation.required}") Long survivorId,
            @NotNull(message = "{validation.required}") Long otherId,
            String reason) {}

    @PostMapping("/people")
    @Idempotent
    @PreAuthorize(RegistryRoles.WRITE_EXPRESSION)
    @Operation(
            summary = "Register a person. Warnings (NIK mismatches, possible duplicates) answer 422 with "
                    + "'warnings' and 'candidates'; send again with acceptWarnings=true to confirm")
    ResponseEntity<PersonView> register(@Valid @RequestBody PersonCommand command) {
        PersonView person = people.register(command);
        return ResponseEntity.created(URI.create("/api/v1/people/" + person.id()))
                .body(person);
    }

    @GetMapping("/people/{id}")
    @PreAuthorize(RegistryRoles.READ_EXPRESSION)
    @Operation(summary = "A person's profile; the view is written to the processing log with its purpose")
    PersonView get(
            @PathVariable long id, @RequestParam(value = "purpose", defaultValue = "SERVICE_DELIVERY") String purpose) {
        String chosen = ProfilePage.PURPOSES.contains(purpose) ? purpose : "SERVICE_DELIVERY";
        return people.open(id, chosen);
    }

    @PutMapping("/people/{id}")
    @PreAuthorize(RegistryRoles.WRITE_EXPRESSION + " and @registryScope.person(#id)")
    @Operation(summary = "Edit a person; send the version you read. An empty NIK keeps the recorded one")
    PersonView update(@PathVariable long id, @Valid @RequestBody UpdateRequest request) {
        return people.update(id, request.version(), request.person());
    }

    @GetMapping("/people/{id}/consents")
    @PreAuthorize(RegistryRoles.READ_EXPRESSION)
    @Operation(summary = "Consents and lawful bases recorded for a person")
    List<ConsentView> consents(
            @PathVariable long id, @RequestParam(value = "purpose", defaultValue = "SERVICE_DELIVERY") String purpose) {
        return consents.open(id, purpose(purpose));
    }

    @GetMapping("/people/{id}/coverage")
    @PreAuthorize(RegistryRoles.READ_EXPRESSION)
    @Operation(summary = "Whether an active consent or lawful basis covers a purpose today")
    Map<String, Object> coverage(@PathVariable long id, @RequestParam("purpose") String purpose) {
        people.requireScope(id, RegistryRoles.READ);
        return Map.of("purpose", purpose, "covered", consents.covered(id, purpose));
    }

    @PostMapping("/people/{id}/consents")
    @PreAuthorize(RegistryRoles.WRITE_EXPRESSION + " and @registryScope.person(#id)")
    @Operation(summary = "Record consent or another lawful basis for a purpose")
    ResponseEntity<ConsentView> recordConsent(@PathVariable long id, @Valid @RequestBody ConsentCommand command) {
        return ResponseEntity.status(HttpStatus.CREATED).body(consents.record(id, command));
    }

    @PostMapping("/people/{id}/consents/{consentId}/withdraw")
    @PreAuthorize(RegistryRoles.WRITE_EXPRESSION + " and @registryScope.person(#id)")
    @Operation(summary = "Withdraw a consent")
    ConsentView withdraw(
            @PathVariable long id, @PathVariable long consentId, @Valid @RequestBody WithdrawRequest request) {
        return consents.withdraw(id, consentId, request.on(), request.reason());
    }

    @GetMapping("/people/{id}/household")
    @PreAuthorize(RegistryRoles.READ_EXPRESSION)
    @Operation(summary = "The household a person belongs to (404 when none)")
    HouseholdView household(
            @PathVariable long id, @RequestParam(value = "purpose", defaultValue = "SERVICE_DELIVERY") String purpose) {
        people.requireScope(id, RegistryRoles.READ);
        // A household of a unit the caller can't read answers as if there were none.
        return households
                .householdOf(id)
                .filter(households::readable)
                .map(h -> households.open(h, purpose(purpose)))
                .orElseThrow(() -> BusinessException.notFound("household.none"));
    }

    @GetMapping("/households/{householdId}")
    @PreAuthorize(RegistryRoles.READ_EXPRESSION)
    @Operation(summary = "A household with its members, family cards and decile; the view is logged")
    HouseholdView householdById(
            @PathVariable long householdId,
            @RequestParam(value = "purpose", defaultValue = "SERVICE_DELIVERY") String purpose) {
        return households.open(householdId, purpose(purpose));
    }

    private static String purpose(String purpose) {
        return ProfilePage.PURPOSES.contains(purpose) ? purpose : "SERVICE_DELIVERY";
    }

    @PostMapping("/people/{id}/household")
    @PreAuthorize(RegistryRoles.WRITE_EXPRESSION + " and @registryScope.person(#id)")
    @Operation(summary = "Start a household with this person as its head")
    ResponseEntity<HouseholdView> startHousehold(@PathVariable long id) {
        return ResponseEntity.status(HttpStatus.CREATED).body(households.create(id));
    }

    @PostMapping("/households/{householdId}/members")
    @PreAuthorize(RegistryRoles.WRITE_EXPRESSION + " and @registryScope.household(#householdId)")
    @Operation(summary = "Add a member with their relationship to the head (one head per household)")
    HouseholdView addMember(@PathVariable long householdId, @Valid @RequestBody MemberRequest request) {
        return households.addMember(householdId, request.personId(), request.relationship());
    }

    @DeleteMapping("/households/{householdId}/members/{personId}")
    @PreAuthorize(RegistryRoles.WRITE_EXPRESSION)
    @Operation(summary = "Remove a member")
    HouseholdView removeMember(@PathVariable long householdId, @PathVariable long personId) {
        return households.removeMember(householdId, personId);
    }

    @PostMapping("/households/{householdId}/family-cards")
    @PreAuthorize(RegistryRoles.WRITE_EXPRESSION + " and @registryScope.household(#householdId)")
    @Operation(summary = "Record a new family card (KK); the current one ends the day before. Overlaps are refused")
    HouseholdView addFamilyCard(@PathVariable long householdId, @RequestBody FamilyCardRequest request) {
        return households.addFamilyCard(householdId, request.kk(), request.validFrom());
    }

    @PutMapping("/households/{householdId}/decile")
    @PreAuthorize(RegistryRoles.WRITE_EXPRESSION + " and @registryScope.household(#householdId)")
    @Operation(summary = "Set the DTSEN welfare decile (1–10) and when it was checked")
    HouseholdView setDecile(@PathVariable long householdId, @Valid @RequestBody DecileRequest request) {
        return households.setDecile(householdId, request.version(), request.decile(), request.checkedOn());
    }

    @PutMapping(
            value = "/people/{id}/photo",
            consumes = {MediaType.IMAGE_JPEG_VALUE, MediaType.IMAGE_PNG_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE
            })
    @PreAuthorize(RegistryRoles.WRITE_EXPRESSION)
    @Operation(summary = "Store a photo (JPEG or PNG, checked by content, size-limited)")
    ResponseEntity<Void> putPhoto(@PathVariable long id, InputStream body) {
        photos.store(id, body);
        return ResponseEntity.noContent().build();
    }

    @ApiDownload({"image/jpeg", "image/png"})
    @GetMapping("/people/{id}/photo")
    @PreAuthorize(RegistryRoles.READ_EXPRESSION)
    @Operation(summary = "A person's photo")
    ResponseEntity<byte[]> photo(@PathVariable long id) {
        long unit = people.requireScope(id, RegistryRoles.READ);
        Photos.Photo photo = photos.load(id).orElseThrow(() -> BusinessException.notFound("photo.none"));
        people.logPhotoView(id, unit);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(photo.contentType()))
                .cacheControl(CacheControl.noStore())
                .body(photo.data());
    }

    @PostMapping("/people/merge")
    @PreAuthorize(RegistryRoles.MERGE_EXPRESSION)
    @Operation(summary = "Merge a duplicate record into a surviving one, with a reason")
    PersonView merge(@Valid @RequestBody MergeRequest request) {
        return merges.merge(request.survivorId(), request.otherId(), request.reason());
    }

    /** Too many NIK answers in the last hour: 429 with Retry-After. */
    @ExceptionHandler(NikChecks.LimitReached.class)
    ResponseEntity<ProblemDetail> tooManyChecks(NikChecks.LimitReached e) {
        return NikChecks.problem(e, messages, LocaleContextHolder.getLocale());
    }

    /** Warnings to confirm: a problem detail with the warnings and the possible duplicates in the caller's scope. */
    @ExceptionHandler(People.NeedsConfirmation.class)
    ResponseEntity<ProblemDetail> needsConfirmation(People.NeedsConfirmation e) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.UNPROCESSABLE_CONTENT, messages.getMessage("validation.confirmWarnings", null, locale));
        problem.setTitle(messages.getMessage("error.422.title", null, locale));
        problem.setProperty("code", "validation.confirmWarnings");
        problem.setProperty(
                "warnings",
                e.problems().stream()
                        .map(p -> Map.of(
                                "field", String.valueOf(p.field()),
                                "code", p.key(),
                                "message", messages.getMessage(p.key(), p.args(), p.key(), locale)))
                        .toList());
        problem.setProperty(
                "candidates",
                e.candidates().stream()
                        .map(c -> c.inScope()
                                ? Map.<String, Object>of(
                                        "id",
                                        c.id(),
                                        "fullName",
                                        c.fullName(),
                                        "birthYear",
                                        c.birthYear(),
                                        "reasons",
                                        c.reasons())
                                : Map.<String, Object>of("inScope", false))
                        .toList());
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
