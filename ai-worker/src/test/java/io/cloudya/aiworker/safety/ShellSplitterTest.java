package io.cloudya.aiworker.safety;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShellSplitterTest {

    @Test
    void shouldSplitAtEverySeparatorOutsideQuotes() {
        assertThat(ShellSplitter.split("a; b && c || d | e |& f & g"))
                .containsExactly("a", "b", "c", "d", "e", "f", "g");
        assertThat(ShellSplitter.split("echo 'a; b' \"c && d\"")).containsExactly("echo a; b c && d");
    }

    @Test
    void shouldKeepRedirectionsAndEscapedSemicolonsInTheirCommand() {
        assertThat(ShellSplitter.split("make 2>&1 &> out.log")).containsExactly("make 2>&1 &> out.log");
        assertThat(ShellSplitter.split("find . -exec rm {} \\;")).containsExactly("find . -exec rm {} ;");
    }

    @Test
    void shouldJudgeSubstitutionsAsCommandsOfTheirOwn() {
        assertThat(ShellSplitter.split("echo $(rm -rf /) `whoami` <(ls)"))
                .containsExactly("echo SUBST SUBST SUBST", "rm -rf /", "whoami", "ls");
    }

    @Test
    void shouldUnwrapShellScriptsEvalAndSu() {
        assertThat(ShellSplitter.split("sudo bash -c 'cd / && rm -rf *'")).containsExactly("cd /", "rm -rf *");
        assertThat(ShellSplitter.split("eval \"kubectl delete ns a\"")).containsExactly("kubectl delete ns a");
        assertThat(ShellSplitter.split("su -c 'reboot' root")).containsExactly("reboot");
    }

    @Test
    void shouldPeelOffWrappersAndEnvironmentPrefixes() {
        assertThat(ShellSplitter.split("FOO=1 BAR=x sudo -u root -E env -i A=b nice -n 5 timeout 10s /bin/rm -rf x"))
                .containsExactly("rm -rf x");
        assertThat(ShellSplitter.split("find . | xargs -0 -n 10 rm -f")).containsExactly("find .", "rm -f");
    }

    @Test
    void shouldReturnNothingForBlankLines() {
        assertThat(ShellSplitter.split("  ")).isEmpty();
        assertThat(ShellSplitter.split(null)).isEmpty();
    }
}
