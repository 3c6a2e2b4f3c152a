package app.kadr.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The page kept for after the login is an address built from a Host header; only its path is followed. */
class ReturnAfterLoginTest {

    @Test
    void onlyThePathAndQueryOfTheSavedAddressAreFollowed() {
        assertThat(ReturnAfterLogin.pathOf("http://evil.example/trash?x=1")).isEqualTo("/trash?x=1");
        assertThat(ReturnAfterLogin.pathOf("http://evil.example")).isEqualTo("/");
    }

    @Test
    void aPathThatABrowserWouldReadAsAnotherHostStaysInTheStudio() {
        assertThat(ReturnAfterLogin.pathOf("http://evil.example//other.example/x"))
                .isEqualTo("/other.example/x");
        assertThat(ReturnAfterLogin.pathOf("http://evil.example/\\other.example/x"))
                .isEqualTo("/");
    }
}
