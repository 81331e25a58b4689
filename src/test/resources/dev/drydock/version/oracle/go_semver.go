// Reference answers from golang.org/x/mod/semver for GoVersionDifferentialTest.
// stdin: "A<TAB>B" per line; stdout: "IsValid(A) IsValid(B) Compare(A,B)" per line.
package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"

	"golang.org/x/mod/semver"
)

func main() {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<20)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	for in.Scan() {
		ab := strings.SplitN(in.Text(), "\t", 2)
		fmt.Fprintf(out, "%t %t %d\n", semver.IsValid(ab[0]), semver.IsValid(ab[1]), semver.Compare(ab[0], ab[1]))
	}
}
