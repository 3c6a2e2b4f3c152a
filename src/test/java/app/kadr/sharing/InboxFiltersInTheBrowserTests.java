package app.kadr.sharing;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import app.kadr.support.Browser;
import app.kadr.support.KadrTest;
import app.kadr.support.Studio;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The inbox's approval chips on a desktop and a phone: they filter as they are pressed, let go when pressed again,
 * and nothing scrolls sideways. (Kept beside the sharing tests for their client fixtures.)
 */
@KadrTest
@Tag("browser")
class InboxFiltersInTheBrowserTests {

    static final String NO_SIDEWAYS_SCROLL =
            "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth";

    @RegisterExtension
    static final Browser browser = new Browser();

    @Autowired
    Studio studio;

    @Test
    void theApprovalChipsFilterTheInboxOnADesktopAndAPhone() {
        Studio.Person owner = studio.newPerson();
        String project = studio.newProject(owner, "Реклама сока");
        String dawn = studio.newShot(owner, project, "Рассвет");
        String city = studio.newShot(owner, project, "Город");
        String token = Sharing.newLink(owner, project).path("token").asString();
        PublicClient client = new PublicClient(studio.baseUrl());
        Sharing.comment(client, token, dawn, "Рассвет отличный");
        Sharing.comment(client, token, city, "Город мрачноват");
        Sharing.answer(client, token, dawn, "approved", null);
        Sharing.answer(client, token, city, "changes", "Светлее");

        Page page = browser.signedIn(studio, owner);
        for (int[] size : new int[][] {{1440, 900}, {390, 844}}) {
            page.setViewportSize(size[0], size[1]);
            page.navigate("/projects/" + project + "/inbox");
            assertThat(page.locator("#inbox-comments .comment")).hasCount(2);

            page.locator(".approval-chips a[data-approval=changes]").click();
            assertThat(page.locator("#inbox-comments .comment")).hasCount(1);
            assertThat(page.locator("#inbox-comments .comment-text")).hasText("Город мрачноват");
            assertThat(page.locator(".approval-chips a[data-approval=changes]")).hasAttribute("aria-current", "true");
            assertThat(page.locator(".approval-chips")).isInViewport();
            assertThat((Boolean) page.evaluate(NO_SIDEWAYS_SCROLL))
                    .as("no sideways scroll at %d px", size[0])
                    .isTrue();
            Browser.screenshot(page, "inbox-approval-" + size[0]);

            page.locator(".approval-chips a[data-approval=changes]").click();
            assertThat(page.locator("#inbox-comments .comment")).hasCount(2);
        }
    }
}
