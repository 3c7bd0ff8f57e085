package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
)

// run is the whole command line, in-process: arguments and streams in, an
// error (which main maps to the exit code) out.
func Example_run() {
	var out bytes.Buffer
	err := run(context.Background(), []string{"wpexit", "inspect", "--json", "../../testdata/sample.xml"}, nil, &out, io.Discard)
	var in inspection
	json.Unmarshal(out.Bytes(), &in)
	fmt.Println(exitCode(err), in.Items, in.Inputs[0].Title, in.Types["post"])
	// Output: 0 11 Harbour Notes map[draft:1 private:1 publish:5]
}
