package corpus

import (
	"context"
	"errors"
	"io"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestOrderedBoundsWork(t *testing.T) {
	const workers, items = 3, 200
	var read, emitted atomic.Int64
	var maxAhead int64
	n := 0
	src := Source[int]{Next: func() (int, int64, error) {
		if n == items {
			return 0, 0, io.EOF
		}
		n++
		if ahead := read.Add(1) - emitted.Load(); ahead > maxAhead {
			maxAhead = ahead
		}
		size := int64(1 << 10)
		if n%50 == 0 {
			size = 2 * maxBytesInFlight // larger than the budget: runs alone
		}
		return n, size, nil
	}}
	var got []int
	err := Ordered(context.Background(), workers, src, func(i int) ([]byte, error) {
		time.Sleep(time.Duration(i%5) * 100 * time.Microsecond)
		return []byte{byte(i)}, nil
	}, func(i int, _ int64, out []byte, err error) error {
		require.NoError(t, err)
		require.Equal(t, byte(i), out[0])
		got = append(got, i)
		emitted.Add(1)
		return nil
	})
	require.NoError(t, err)
	require.Len(t, got, items)
	for i, v := range got {
		require.Equal(t, i+1, v)
	}
	assert.LessOrEqual(t, maxAhead, int64(windowPerWorker*workers+1), "the reader never runs far ahead")
}

func TestOrderedStops(t *testing.T) {
	readErr := errors.New("disk on fire")
	n := 0
	src := Source[int]{Next: func() (int, int64, error) {
		n++
		if n == 6 {
			return 0, 0, readErr
		}
		return n, 1, nil
	}}
	var got []int
	err := Ordered(context.Background(), 2, src, func(i int) ([]byte, error) { return nil, nil },
		func(i int, _ int64, _ []byte, _ error) error { got = append(got, i); return nil })
	assert.ErrorIs(t, err, readErr)
	assert.Equal(t, []int{1, 2, 3, 4, 5}, got, "items before the read error are emitted")

	// Ordered does not wait for a reader blocked on input, so each run gets
	// a source of its own.
	endless := func() Source[int] {
		n := 0
		return Source[int]{Next: func() (int, int64, error) { n++; return n, 1, nil }}
	}
	stop := errors.New("stop")
	err = Ordered(context.Background(), 2, endless(), func(i int) ([]byte, error) { return nil, nil },
		func(i int, _ int64, _ []byte, _ error) error {
			if i == 10 {
				return stop
			}
			return nil
		})
	assert.ErrorIs(t, err, stop)

	ctx, cancel := context.WithCancel(context.Background())
	err = Ordered(ctx, 2, endless(), func(i int) ([]byte, error) { return nil, nil },
		func(i int, _ int64, _ []byte, _ error) error {
			if i == 10 {
				cancel()
			}
			return nil
		})
	assert.ErrorIs(t, err, context.Canceled)
}
