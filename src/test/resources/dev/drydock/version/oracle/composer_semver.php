<?php
// Reference answers from Debian's php-composer-semver for ComposerVersionDifferentialTest.
// stdin: one JSON array per line: ["normalize", v] -> the normalised version or E (UnexpectedValueException);
// ["compare", a, b] -> version_compare(normalize(a), normalize(b)) or E; ["vc", a, b] -> version_compare(a, b).
require '/usr/share/php/Composer/Semver/autoload.php';
$parser = new Composer\Semver\VersionParser();
$out = fopen('php://stdout', 'w');
while (($line = fgets(STDIN)) !== false) {
    $q = json_decode($line, true);
    try {
        if ($q[0] === 'normalize') {
            $r = $parser->normalize($q[1]);
        } elseif ($q[0] === 'compare') {
            $r = (string) version_compare($parser->normalize($q[1]), $parser->normalize($q[2]));
        } else {
            $r = (string) version_compare($q[1], $q[2]);
        }
    } catch (UnexpectedValueException $e) {
        $r = 'E';
    }
    fwrite($out, json_encode($r) . "\n");
}
