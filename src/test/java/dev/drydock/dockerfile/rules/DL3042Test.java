package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DL3042Test {

    private final DL3042 rule = new DL3042();

    @Test
    void catches() {
        assertCatches(rule, "RUN pip2 install MySQL_python");
        assertCatches(rule, "ONBUILD RUN pip2 install MySQL_python");
        assertCatches(rule, "RUN pip3 install MySQL_python");
        assertCatches(rule, "RUN pip install MySQL_python");
        assertCatches(rule, "RUN python3 -m pip install --upgrade pip==24.0");
        assertCatches(rule, "RUN pip install -r requirements.txt");
        assertCatches(rule, "RUN pip install --no-cache flask==3.0.2");               // not the same flag
        assertCatches(rule, "RUN --mount=type=cache,target=/root/.npm pip install flask==3.0.2");
        assertCatches(rule, "RUN --mount=type=bind,source=requirements.txt,target=/tmp/requirements.txt \\\n"
                + "    pip install -r /tmp/requirements.txt");
        assertCatches(rule, "RUN set -ex \\\n    && pip install --upgrade pip \\\n    && pip install -r requirements.txt");
        assertCatches(rule, "RUN [\"pip\", \"install\", \"flask==3.0.2\"]");
        assertCatches(rule, "RUN <<EOF\npython -m venv /venv\n/venv/bin/pip install -r requirements.txt\nEOF");
        assertCatches(rule, "RUN sudo -H pip3 install flask==3.0.2");
    }

    @Test
    void pipNoCacheDirEnvironment() {
        assertPasses(rule, "ENV PIP_NO_CACHE_DIR=1\nRUN pip install MySQL_python");
        assertPasses(rule, "ENV PIP_NO_CACHE_DIR=on\nRUN pip install MySQL_python");
        assertPasses(rule, "ENV PIP_NO_CACHE_DIR=yes\nRUN pip install MySQL_python");
        assertPasses(rule, "ENV PIP_NO_CACHE_DIR=true\nRUN pip install MySQL_python");
        assertPasses(rule, "ENV PIP_NO_CACHE_DIR=TRUE PYTHONDONTWRITEBYTECODE=1\nRUN pip install MySQL_python");
        assertPasses(rule, "RUN PIP_NO_CACHE_DIR=1 pip install MySQL_python");
        assertPasses(rule, "RUN PIP_NO_CACHE_DIR=on pip install MySQL_python");
        assertPasses(rule, "RUN PIP_NO_CACHE_DIR=yes pip install MySQL_python");
        assertPasses(rule, "RUN PIP_NO_CACHE_DIR=true pip install MySQL_python");
        assertPasses(rule, "RUN export PIP_NO_CACHE_DIR=1 && pip install MySQL_python");
        assertPasses(rule, "RUN export PIP_NO_CACHE_DIR=on && pip install MySQL_python");
        assertPasses(rule, "RUN export PIP_NO_CACHE_DIR=yes && pip install MySQL_python");
        assertPasses(rule, "RUN export PIP_NO_CACHE_DIR=true && pip install MySQL_python");
        assertPasses(rule, "RUN env PIP_NO_CACHE_DIR=1 pip install MySQL_python");
        assertCatches(rule, "ENV PIP_NO_CACHE_DIR=0\nRUN pip install MySQL_python");
        assertCatches(rule, "ENV PIP_NO_CACHE_DIR=off\nRUN pip install MySQL_python");
        assertCatches(rule, "ENV PIP_NO_CACHE_DIR=no\nRUN pip install MySQL_python");
        assertCatches(rule, "ENV PIP_NO_CACHE_DIR=false\nRUN pip install MySQL_python");
        assertCatches(rule, "RUN PIP_NO_CACHE_DIR=0 pip install MySQL_python");
        assertCatches(rule, "RUN PIP_NO_CACHE_DIR=off pip install MySQL_python");
        assertCatches(rule, "RUN PIP_NO_CACHE_DIR=no pip install MySQL_python");
        assertCatches(rule, "RUN PIP_NO_CACHE_DIR=false pip install MySQL_python");
        assertCatches(rule, "RUN export PIP_NO_CACHE_DIR=0 && pip install MySQL_python");
        assertCatches(rule, "RUN export PIP_NO_CACHE_DIR=off && pip install MySQL_python");
        assertCatches(rule, "RUN export PIP_NO_CACHE_DIR=no && pip install MySQL_python");
        assertCatches(rule, "RUN export PIP_NO_CACHE_DIR=false && pip install MySQL_python");
        assertCatches(rule, "RUN pip install six && export PIP_NO_CACHE_DIR=1");       // exported too late
        assertCatches(rule, "RUN PIP_NO_CACHE_DIR=1 pip install six && pip install flask");  // only the first
    }

    @Test
    void pipNoCacheDirIsInheritedFromTheParentStageOnly() {
        assertPasses(rule, "FROM debian:buster as base\nENV PIP_NO_CACHE_DIR=1\nFROM base\nRUN pip install six\n");
        assertCatches(rule, "FROM debian:buster as base\nENV PIP_NO_CACHE_DIR=1\nFROM debian:buster\n"
                + "RUN pip install six\n");
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, "RUN pip2 install MySQL_python --no-cache-dir");
        assertPasses(rule, "ONBUILD RUN pip2 install MySQL_python --no-cache-dir");
        assertPasses(rule, "RUN pip3 install --no-cache-dir MySQL_python");
        assertPasses(rule, "RUN pip install MySQL_python --no-cache-dir");
        assertPasses(rule, "RUN pipx install software");
        assertPasses(rule, "ONBUILD RUN pipx install software");
        assertPasses(rule, "RUN pipenv install library");
        assertPasses(rule, "RUN python3 -m pipx install poetry==1.8.2");
        assertPasses(rule, "RUN python -m pip install --no-cache-dir -r requirements.txt");
        assertPasses(rule, "RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt");
        assertPasses(rule, "RUN --mount=type=cache,id=pip,target=/home/app/.cache/pip,uid=1000 \\\n"
                + "    pip install --user -r requirements.txt");
        assertPasses(rule, "RUN pip freeze > requirements.lock");
        assertPasses(rule, "RUN pip uninstall -y setuptools");
        assertPasses(rule, "RUN uv pip install --system flask==3.0.2");              // uv has its own cache
        assertPasses(rule, "RUN echo 'pip install flask'");
        assertPasses(rule, "ARG PIP_NO_CACHE_DIR=1\nRUN pip install six");         // ARG is in RUN's environment too
        assertPasses(rule, "SHELL [\"cmd\", \"/S\", \"/C\"]\nRUN pip install six");
    }

    @Test
    void fixAddsNoCacheDirAfterInstall() {
        assertThat(RuleTester.fixed(rule, "RUN pip install -r requirements.txt\n"))
                .isEqualTo("RUN pip install --no-cache-dir -r requirements.txt\n");
        assertThat(RuleTester.fixed(rule, "RUN python3 -m pip install \\\n    flask==3.0.2\n"))
                .isEqualTo("RUN python3 -m pip install --no-cache-dir \\\n    flask==3.0.2\n");
        assertThat(assertCatches(rule, "RUN pip3 install six").get(0).message()).contains("`pip3 install`");
    }
}
