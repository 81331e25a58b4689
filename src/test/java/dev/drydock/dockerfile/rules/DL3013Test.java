package dev.drydock.dockerfile.rules;

import static dev.drydock.dockerfile.rules.RuleTester.assertCatches;
import static dev.drydock.dockerfile.rules.RuleTester.assertPasses;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DL3013Test {

    private final DL3013 rule = new DL3013();

    @Test
    void catches() {
        assertCatches(rule, "RUN pip install MySQL_python");
        assertCatches(rule, "RUN pip2 install MySQL_python");
        assertCatches(rule, "RUN pip3 install MySQL_python");
        assertCatches(rule, "RUN pip3.12 install --no-cache-dir flask");
        assertCatches(rule, "RUN python -m pip install example");
        assertCatches(rule, "RUN python3 -m pip install --index-url https://eg.com/foo example");
        assertCatches(rule, "RUN pip install git+https://github.com/rtfd/read-ext.git#egg=read-ext");
        assertCatches(rule, "RUN pip install git+ssh://git@github.com/rtfd/read-ext.git#egg=read-ext");
        assertCatches(rule, "RUN pip install --upgrade pip setuptools wheel");
        assertCatches(rule, "RUN pip install --no-cache-dir -U \\\n    gunicorn==21.2.0 \\\n    uvicorn");
        assertCatches(rule, "RUN pip install . requests");             // drydock: `.` alone does not pin requests
    }

    @Test
    void doesNotCatch() {
        assertPasses(rule, "RUN pip3 install MySQL_python==1.2.2");
        assertPasses(rule, "RUN pip3 install mypkg.whl");
        assertPasses(rule, "RUN pip3 install mypkg.tar.gz");
        assertPasses(rule, "RUN pip install -r requirements.txt");
        assertPasses(rule, "RUN pip install --requirement requirements.txt");
        assertPasses(rule, "RUN pip install --requirement=requirements.txt");
        assertPasses(rule, "RUN pip install .");
        assertPasses(rule, "RUN pip install -e .");
        assertPasses(rule, "RUN pip install MySQL_python~=1.2.2");
        assertPasses(rule, "RUN pip install MySQL_python===1.2.2");
        assertPasses(rule, "RUN pip install --ignore-installed MySQL_python==1.2.2");
        assertPasses(rule, "RUN pip3 install --build /opt/yamllint yamllint==1.20.0");
        assertPasses(rule, "RUN pip3 install --prefix /opt/yamllint yamllint==1.20.0");
        assertPasses(rule, "RUN pip3 install --root /opt/yamllint yamllint==1.20.0");
        assertPasses(rule, "RUN pip3 install --target /opt/yamllint yamllint==1.20.0");
        assertPasses(rule, "RUN pip3 install --trusted-host host example==1.2.2");
        assertPasses(rule, "RUN python -m pip install example==1.2.2");
        assertPasses(rule, "RUN pip install git+https://github.com/rtfd/r-ext.git@0.6-alpha#egg=r-ext");
        assertPasses(rule, "RUN pip install git+ssh://github.com/rtfd/r-ext.git@0.6-alpha#egg=r-ext");
        assertPasses(rule, "RUN pip install foo/bar");
        assertPasses(rule, "RUN pip install https://foo.bar/baz.zip");
        assertPasses(rule, "RUN pip install 'alabaster>=0.7'");
        assertPasses(rule, "RUN pip install 'alabaster<0.7'");
        assertPasses(rule, "RUN pip install 'alabaster!=0.7'");
        assertPasses(rule, "RUN pip install MySQL_python==1.2.2 --user");
        assertPasses(rule, "RUN pip install MySQL_python==1.2.2 --disable-pip-version-check");
        assertPasses(rule, "RUN pip install --index-url https://eg.com/foo --extra-index-url https://ex-eg.io/foo foobar==1.0.0");
        assertPasses(rule, "RUN pip install -i https://user:pass@eg.com/foo foobar==1.0.0");
        assertPasses(rule, "RUN pip install MySQL_python==1.2.2 --no-cache-dir");
        assertPasses(rule, "RUN pip install pykafka --constraint http://foo.bar.baz");
        assertPasses(rule, "RUN pip install pykafka -c http://foo.bar.baz");
        assertPasses(rule, "RUN pipenv install black");                  // pipenv is not pip
        assertPasses(rule, "RUN pip freeze > requirements.txt");
        assertPasses(rule, "RUN pip install \"uvicorn[standard]==0.29.0\"");
        assertPasses(rule, "RUN pip install $PIP_PACKAGES");
        assertPasses(rule, "RUN echo 'pip install flask'");
    }

    @Test
    void namesUnpinnedPackages() {
        var v = assertCatches(rule, "RUN pip install flask==3.0.2 requests gunicorn");
        assertThat(v.get(0).message()).contains("`requests`, `gunicorn`").doesNotContain("flask");
    }
}
