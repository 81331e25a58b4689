# Reads "A<TAB>B" lines; prints dpkg's ordering of A and B (-1, 0, 1), or E when Dpkg::Version's own check
# rejects either. Dpkg::Version (Debian's libdpkg-perl) is dpkg's own Perl implementation, used by dpkg-dev.
use strict;
use warnings;
use Dpkg::Version qw(version_compare version_check);

while (my $line = <STDIN>) {
    chomp $line;
    my ($a, $b) = split /\t/, $line, -1;
    if (!version_check($a) || !version_check($b)) {
        print "E\n";
        next;
    }
    print version_compare($a, $b), "\n";
}
