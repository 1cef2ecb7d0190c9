// Command embedded-ferretdb runs FerretDB v1.24.2 through its embeddable package.
//
// A wrapper module is used because `go install github.com/FerretDB/FerretDB/cmd/ferretdb@v1.24.2`
// panics at start-up (its version.txt is missing from the module zip); in embedded mode telemetry
// is always off and there is no debug listener or state file.
//
// It prints one JSON line {"uri": "mongodb://127.0.0.1:PORT/"} on stdout once it listens, and it
// stops when it receives SIGINT/SIGTERM or when its standard input closes (its parent has exited).
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	handler := flag.String("handler", "sqlite", "backend: sqlite or postgresql")
	sqliteURL := flag.String("sqlite-url", "", "SQLite directory URI, e.g. file:/path/to/dir/")
	postgresqlURL := flag.String("postgresql-url", "", "PostgreSQL URL")
	listenAddr := flag.String("listen-addr", "127.0.0.1:0", "TCP address to listen on")
	logLevel := flag.String("log-level", "warn", "debug, info, warn or error (debug logs bodies: never in production)")
	watchStdin := flag.Bool("watch-stdin", true, "exit when standard input closes")
	flag.Parse()

	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		fail(fmt.Errorf("bad -log-level: %w", err))
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	f, err := ferretdb.New(&ferretdb.Config{
		Listener:      ferretdb.ListenerConfig{TCP: *listenAddr},
		Logger:        logger,
		Handler:       *handler,
		SQLiteURL:     *sqliteURL,
		PostgreSQLURL: *postgresqlURL,
	})
	if err != nil {
		fail(err)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	if *watchStdin {
		go func() {
			_, _ = io.Copy(io.Discard, os.Stdin)
			stop()
		}()
	}

	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = f.Run(ctx)
	}()

	// MongoDBURI waits until the listener is bound, so the port is known even for :0.
	line, err := json.Marshal(map[string]string{"uri": f.MongoDBURI()})
	if err != nil {
		fail(err)
	}
	fmt.Println(string(line))

	<-done
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "embedded-ferretdb:", err)
	os.Exit(1)
}
