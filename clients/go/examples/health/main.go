package main

import (
	"context"
	"fmt"
	"os"

	"portcullis.dev/portcullis"
)

func main() {
	client := portcullis.NewClient(os.Getenv("PORTCULLIS_API_KEY"), os.Getenv("PORTCULLIS_BASE_URL"))

	health, err := client.Health(context.Background())
	if err != nil {
		panic(err)
	}

	fmt.Printf("Authenticated as tenant: %s\n", health.TenantID)
}
