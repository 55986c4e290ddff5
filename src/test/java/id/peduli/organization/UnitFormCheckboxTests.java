package id.peduli.organization;

import static id.peduli.access.AccessTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.peduli.PeduliTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The "active" and "3T" checkboxes of the unit form posted as a browser posts them: the field markers {@code _active}
 * and {@code _threeT} always, a box's value only when ticked.
 */
@PeduliTest
class UnitFormCheckboxTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    Organizations organizations;

    @Test
    void tickedBoxesAreSetAndEmptyOnesAreNot() throws Exception {
        mvc.perform(newUnit("Kotak Centang Aktif 3T").param("active", "true").param("threeT", "true"))
                .andExpect(status().isFound());
        mvc.perform(newUnit("Kotak Centang Kosong")).andExpect(status().isFound());

        OrgUnit ticked = unit("Kotak Centang Aktif 3T");
        assertThat(ticked.active()).isTrue();
        assertThat(ticked.threeT()).isTrue();
        OrgUnit empty = unit("Kotak Centang Kosong");
        assertThat(empty.active()).isFalse();
        assertThat(empty.threeT()).isFalse();
    }

    private MockHttpServletRequestBuilder newUnit(String name) {
        return post("/admin/units")
                .with(as(context, "admin"))
                .with(csrf())
                .param("name", name)
                .param("type", "OTHER_AGENCY")
                .param("_active", "on")
                .param("_threeT", "on");
    }

    private OrgUnit unit(String name) {
        return organizations.tree().stream()
                .filter(u -> u.name().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
