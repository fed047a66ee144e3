module github.com/verbatim-news/verbatim

go 1.26
