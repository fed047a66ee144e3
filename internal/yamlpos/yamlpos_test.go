package yamlpos

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"
)

func TestSplit(t *testing.T) {
	tests := []struct {
		name, in string
		line     int
		msg      string
	}{
		{"scanner", "a: 1\nb: \"open\n", 2, "found unexpected end of stream"},
		{"parser counts from zero", "a: 1\nb: [1, 2\nc: 3\n", 2, "did not find expected ',' or ']'"},
		{"type error", "a: 1\nb: [x]\n", 2, "cannot unmarshal !!seq into int"},
		{"no line", "a: *nope\n", 0, "unknown anchor 'nope' referenced"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var v struct{ A, B int }
			err := yaml.Unmarshal([]byte(tt.in), &v)
			require.Error(t, err)
			line, msg := Split(err)
			assert.Equal(t, tt.line, line, err.Error())
			assert.Equal(t, tt.msg, msg)
		})
	}
}

func TestCheckKeys(t *testing.T) {
	var doc yaml.Node
	require.NoError(t, yaml.Unmarshal([]byte("name: A\nqid: Q1\nnmae: B\n"), &doc))
	m := doc.Content[0]
	assert.NoError(t, CheckKeys("s.yaml", m, []string{"name", "qid", "nmae"}))
	assert.EqualError(t, CheckKeys("s.yaml", m, []string{"name", "qid"}), `s.yaml:3: unknown key "nmae" (known: name, qid)`)
}
