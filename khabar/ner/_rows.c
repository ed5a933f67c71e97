/* The score table's weight rows of new word forms (khabar/ner/scoring.py,
 * `FormScores._rows_shipped`), the per-form loop in C.
 *
 * Every new form of an article comes through that loop: some thirty attribute look-ups
 * per form, a few string slices and tuples, which the interpreter spends most of its time
 * dispatching. This file does the same look-ups in the same order (the rows' order fixes
 * the order of the additions, hence the bits of the sums); the word keys, cores, clitics,
 * name forms and shapes still come from the Python functions (`khabar.ner.lexical`,
 * `features._shape`), called from here: the key (cached: the rules ask for it again),
 * the rest in one call (`lexical.forms_of`, uncached: a new form is met once). It is optional: without it scoring.py runs its
 * own loop, and tests/ner/test_scoring_rows.py checks that both give the same rows.
 *
 * rows(forms, funcs, gets, levels, consts, tables, word_type) -> (new, rows, cuts)
 *   funcs:  (key, forms, shape) callables, forms(k) giving (split_clitic(k), core(k),
 *           name_forms(k)) (`lexical.forms_of`)
 *   gets:   25 dicts, the attribute rows by prefix, in the order
 *           w c pre s1 s2 s3 p2 p3 sh len pre|k lx w-1 c-1 k-1 kk-1 lx-1
 *           w1 c1 k1 kk1 lx1 w-2 w2 (24) and one unused slot
 *   levels: list of dicts, the cluster-id rows per level (k0, k1, ...)
 *   consts: (zero row, bias row, row of "k=none") as ints
 *   tables: (lexicon, clusters, gazetteer first words) dicts
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdlib.h>

enum { G_W, G_C, G_PRE, G_S1, G_S2, G_S3, G_P2, G_P3, G_SH, G_LEN, G_PREK, G_LX,
       G_WL, G_CL, G_KL, G_KKL, G_LXL, G_WR, G_CR, G_KR, G_KKR, G_LXR, G_WLL, G_WRR,
       N_GETS };

/* d.get(key, z) as a new reference appended to `rows` */
static int add_row(PyObject *rows, PyObject *d, PyObject *key, PyObject *z)
{
    PyObject *v = PyDict_GetItemWithError(d, key);
    if (v == NULL) {
        if (PyErr_Occurred())
            return -1;
        v = z;
    }
    return PyList_Append(rows, v);
}

static int add_slice(PyObject *rows, PyObject *d, PyObject *s, Py_ssize_t a, Py_ssize_t b,
                     PyObject *z)
{
    PyObject *piece = PyUnicode_Substring(s, a, b);
    if (piece == NULL)
        return -1;
    int r = add_row(rows, d, piece, z);
    Py_DECREF(piece);
    return r;
}

static int add_cut(PyObject *cuts, Py_ssize_t at)
{
    PyObject *v = PyLong_FromSsize_t(at);
    if (v == NULL)
        return -1;
    int r = PyList_Append(cuts, v);
    Py_DECREF(v);
    return r;
}

/* a + "|" + b for two str, as "%U|%U" makes it, without parsing a format per form */
static PyObject *join_bar(PyObject *a, PyObject *b)
{
    if (!PyUnicode_Check(a) || !PyUnicode_Check(b))
        return PyUnicode_FromFormat("%S|%S", a, b);
    Py_ssize_t la = PyUnicode_GET_LENGTH(a), lb = PyUnicode_GET_LENGTH(b);
    Py_UCS4 maxc = PyUnicode_MAX_CHAR_VALUE(a);
    if (PyUnicode_MAX_CHAR_VALUE(b) > maxc)
        maxc = PyUnicode_MAX_CHAR_VALUE(b);
    PyObject *s = PyUnicode_New(la + 1 + lb, maxc < 127 ? 127 : maxc);
    if (s == NULL)
        return NULL;
    if (PyUnicode_CopyCharacters(s, 0, a, 0, la) < 0 ||
        PyUnicode_WriteChar(s, la, '|') < 0 ||
        PyUnicode_CopyCharacters(s, la + 1, b, 0, lb) < 0) {
        Py_DECREF(s);
        return NULL;
    }
    return s;
}

static PyObject *rows(PyObject *self, PyObject *args)
{
    PyObject *forms, *funcs, *gets_t, *levels, *consts, *tables, *word_type;
    if (!PyArg_ParseTuple(args, "O!O!O!O!O!O!O!", &PyList_Type, &forms, &PyTuple_Type, &funcs,
                          &PyTuple_Type, &gets_t, &PyList_Type, &levels, &PyTuple_Type,
                          &consts, &PyTuple_Type, &tables, &PyType_Type, &word_type))
        return NULL;
    if (!PyType_IsSubtype((PyTypeObject *)word_type, &PyTuple_Type)) {
        PyErr_SetString(PyExc_TypeError, "rows: the word type must be a tuple type");
        return NULL;
    }
    if (PyTuple_GET_SIZE(funcs) != 3 || PyTuple_GET_SIZE(gets_t) < N_GETS ||
        PyTuple_GET_SIZE(consts) != 3 || PyTuple_GET_SIZE(tables) != 3) {
        PyErr_SetString(PyExc_ValueError, "rows: wrong number of functions or tables");
        return NULL;
    }
    PyObject *f_key = PyTuple_GET_ITEM(funcs, 0), *f_forms = PyTuple_GET_ITEM(funcs, 1),
             *f_shape = PyTuple_GET_ITEM(funcs, 2);
    PyObject *g[N_GETS];
    for (int i = 0; i < N_GETS; ++i) {
        g[i] = PyTuple_GET_ITEM(gets_t, i);
        if (!PyDict_Check(g[i])) {
            PyErr_SetString(PyExc_TypeError, "rows: the look-ups must be dicts");
            return NULL;
        }
    }
    Py_ssize_t n_levels = PyList_GET_SIZE(levels);
    for (Py_ssize_t i = 0; i < n_levels; ++i) {
        if (!PyDict_Check(PyList_GET_ITEM(levels, i))) {
            PyErr_SetString(PyExc_TypeError, "rows: the level look-ups must be dicts");
            return NULL;
        }
    }
    PyObject *z = PyTuple_GET_ITEM(consts, 0), *bias = PyTuple_GET_ITEM(consts, 1),
             *k_none = PyTuple_GET_ITEM(consts, 2);
    PyObject *lexicon = PyTuple_GET_ITEM(tables, 0), *clusters = PyTuple_GET_ITEM(tables, 1),
             *gaz_first = PyTuple_GET_ITEM(tables, 2);
    if (!PyDict_Check(lexicon) || !PyDict_Check(clusters) || !PyDict_Check(gaz_first)) {
        PyErr_SetString(PyExc_TypeError, "rows: the tables must be dicts");
        return NULL;
    }

    PyObject *new = PyList_New(0), *out = PyList_New(0), *cuts = PyList_New(0);
    PyObject *result = NULL;
    PyObject *k = NULL, *c = NULL, *split = NULL, *nf = NULL, *shape = NULL, *gazf = NULL,
             *word = NULL, *text = NULL, *empty = NULL;
    if (new == NULL || out == NULL || cuts == NULL)
        goto done;
    empty = PyTuple_New(0);
    if (empty == NULL)
        goto done;

    Py_ssize_t n = PyList_GET_SIZE(forms);
    for (Py_ssize_t t = 0; t < n; ++t) {
        PyObject *tok = PyList_GET_ITEM(forms, t);
        k = PyObject_CallOneArg(f_key, tok);
        if (k == NULL)
            goto done;
        /* (split_clitic(k), core(k), name_forms(k)) in one call */
        PyObject *three = PyObject_CallOneArg(f_forms, k);
        if (three == NULL)
            goto done;
        if (!PyTuple_Check(three) || PyTuple_GET_SIZE(three) != 3) {
            Py_DECREF(three);
            PyErr_SetString(PyExc_TypeError, "rows: the forms function must give a triple");
            goto done;
        }
        split = PyTuple_GET_ITEM(three, 0);
        c = PyTuple_GET_ITEM(three, 1);
        nf = PyTuple_GET_ITEM(three, 2);
        Py_INCREF(split);
        Py_INCREF(c);
        Py_INCREF(nf);
        Py_DECREF(three);
        if (!PyTuple_Check(split) || PyTuple_GET_SIZE(split) != 2) {
            PyErr_SetString(PyExc_TypeError, "rows: split_clitic must give a pair");
            goto done;
        }
        PyObject *pre = PyTuple_GET_ITEM(split, 0);
        if (!PyTuple_Check(nf)) {
            PyErr_SetString(PyExc_TypeError, "rows: name_forms must give a tuple");
            goto done;
        }
        Py_ssize_t n_nf = PyTuple_GET_SIZE(nf);
        /* the name forms that begin a gazetteer phrase */
        Py_ssize_t kept = 0;
        for (Py_ssize_t i = 0; i < n_nf; ++i) {
            int has = PyDict_Contains(gaz_first, PyTuple_GET_ITEM(nf, i));
            if (has < 0)
                goto done;
            kept += has;
        }
        gazf = PyTuple_New(kept);
        if (gazf == NULL)
            goto done;
        for (Py_ssize_t i = 0, j = 0; i < n_nf; ++i) {
            PyObject *f = PyTuple_GET_ITEM(nf, i);
            if (PyDict_Contains(gaz_first, f)) {
                Py_INCREF(f);
                PyTuple_SET_ITEM(gazf, j++, f);
            }
        }
        /* Word(k, c, gazf), made as the tuple it is: its Python `__new__` would cost more
         * than the rest of the form */
        word = ((PyTypeObject *)word_type)->tp_alloc((PyTypeObject *)word_type, 3);
        if (word == NULL)
            goto done;
        Py_INCREF(k);
        PyTuple_SET_ITEM(word, 0, k);
        Py_INCREF(c);
        PyTuple_SET_ITEM(word, 1, c);
        Py_INCREF(gazf);
        PyTuple_SET_ITEM(word, 2, gazf);
        if (PyList_Append(new, word) < 0)
            goto done;
        Py_CLEAR(word);
        Py_CLEAR(gazf);
        /* the cluster ids: of the first name form that has some, else of the core */
        PyObject *cl = NULL;
        for (Py_ssize_t i = 0; i < n_nf && cl == NULL; ++i) {
            cl = PyDict_GetItemWithError(clusters, PyTuple_GET_ITEM(nf, i));
            if (cl == NULL && PyErr_Occurred())
                goto done;
        }
        if (cl == NULL) {
            cl = PyDict_GetItemWithError(clusters, c);
            if (cl == NULL) {
                if (PyErr_Occurred())
                    goto done;
                cl = empty;
            }
        }
        Py_INCREF(cl);  /* held while the look-ups below run */
        shape = PyObject_CallOneArg(f_shape, tok);
        if (shape == NULL) {
            Py_DECREF(cl);
            goto done;
        }
        Py_ssize_t lc = PyUnicode_GET_LENGTH(c);
        Py_ssize_t at = PyList_GET_SIZE(out), a1 = 0, a2 = 0, a3 = 0;
        int err = PyList_Append(out, z) < 0 || PyList_Append(out, bias) < 0 ||
            add_row(out, g[G_W], k, z) < 0 || add_row(out, g[G_C], c, z) < 0 ||
            add_row(out, g[G_PRE], pre, z) < 0 ||
            add_slice(out, g[G_S1], c, lc > 1 ? lc - 1 : 0, lc, z) < 0 ||
            add_slice(out, g[G_S2], c, lc > 2 ? lc - 2 : 0, lc, z) < 0 ||
            add_slice(out, g[G_S3], c, lc > 3 ? lc - 3 : 0, lc, z) < 0 ||
            add_slice(out, g[G_P2], c, 0, lc < 2 ? lc : 2, z) < 0 ||
            add_slice(out, g[G_P3], c, 0, lc < 3 ? lc : 3, z) < 0 ||
            add_row(out, g[G_SH], shape, z) < 0;
        if (!err) {
            /* "0" … "8", made once (PyUnicode_FromFormat per form cost more than
             * the look-up) */
            static PyObject *lengths[9];
            Py_ssize_t ln = lc < 8 ? lc : (Py_ssize_t)8;
            if (lengths[ln] == NULL)
                lengths[ln] = PyUnicode_FromFormat("%zd", ln);
            err = lengths[ln] == NULL || add_row(out, g[G_LEN], lengths[ln], z) < 0;
        }
        PyObject *lx = NULL;
        if (!err) {
            lx = PyDict_GetItemWithError(lexicon, c);
            err = lx == NULL && PyErr_Occurred() != NULL;
            Py_XINCREF(lx);
        }
        int has_cl = err ? 0 : PyObject_IsTrue(cl);
        if (has_cl < 0)
            err = 1;
        if (!err && has_cl) {
            Py_ssize_t ncl = PySequence_Size(cl);
            if (ncl < 0)
                err = 1;
            for (Py_ssize_t lvl = 0; !err && lvl < ncl; ++lvl) {
                if (lvl >= n_levels) {
                    PyErr_SetString(PyExc_IndexError, "rows: more cluster levels than rows");
                    err = 1;
                    break;
                }
                PyObject *cid = PySequence_GetItem(cl, lvl);
                err = cid == NULL || add_row(out, PyList_GET_ITEM(levels, lvl), cid, z) < 0;
                Py_XDECREF(cid);
            }
            PyObject *c1 = NULL, *c2 = NULL;
            if (!err) {
                c1 = PySequence_GetItem(cl, 1);
                c2 = c1 == NULL ? NULL : PySequence_GetItem(cl, 2);
                err = c2 == NULL;
            }
            if (!err) {
                text = join_bar(pre, c1);
                err = text == NULL || add_row(out, g[G_PREK], text, z) < 0;
                Py_CLEAR(text);
            }
            if (!err && lx != NULL)
                err = add_row(out, g[G_LX], lx, z) < 0;
            a1 = PyList_GET_SIZE(out);
            if (!err)
                err = PyList_Append(out, z) < 0 || add_row(out, g[G_WL], k, z) < 0 ||
                    add_row(out, g[G_CL], c, z) < 0 || add_row(out, g[G_KL], c1, z) < 0 ||
                    add_row(out, g[G_KKL], c2, z) < 0;
            if (!err && lx != NULL)
                err = add_row(out, g[G_LXL], lx, z) < 0;
            a2 = PyList_GET_SIZE(out);
            if (!err)
                err = PyList_Append(out, z) < 0 || add_row(out, g[G_WR], k, z) < 0 ||
                    add_row(out, g[G_CR], c, z) < 0 || add_row(out, g[G_KR], c1, z) < 0 ||
                    add_row(out, g[G_KKR], c2, z) < 0;
            Py_XDECREF(c1);
            Py_XDECREF(c2);
        } else if (!err) {
            err = PyList_Append(out, k_none) < 0;
            if (!err && lx != NULL)
                err = add_row(out, g[G_LX], lx, z) < 0;
            a1 = PyList_GET_SIZE(out);
            if (!err)
                err = PyList_Append(out, z) < 0 || add_row(out, g[G_WL], k, z) < 0 ||
                    add_row(out, g[G_CL], c, z) < 0;
            if (!err && lx != NULL)
                err = add_row(out, g[G_LXL], lx, z) < 0;
            a2 = PyList_GET_SIZE(out);
            if (!err)
                err = PyList_Append(out, z) < 0 || add_row(out, g[G_WR], k, z) < 0 ||
                    add_row(out, g[G_CR], c, z) < 0;
        }
        if (!err && lx != NULL)
            err = add_row(out, g[G_LXR], lx, z) < 0;
        a3 = PyList_GET_SIZE(out);
        if (!err)
            err = PyList_Append(out, z) < 0 || add_row(out, g[G_WLL], k, z) < 0 ||
                PyList_Append(out, z) < 0 || add_row(out, g[G_WRR], k, z) < 0;
        if (!err)
            err = add_cut(cuts, at) < 0 || add_cut(cuts, a1) < 0 || add_cut(cuts, a2) < 0 ||
                add_cut(cuts, a3) < 0 || add_cut(cuts, a3 + 2) < 0;
        Py_XDECREF(lx);
        Py_DECREF(cl);
        Py_CLEAR(shape);
        Py_CLEAR(k);
        Py_CLEAR(c);
        Py_CLEAR(split);
        Py_CLEAR(nf);
        if (err)
            goto done;
    }
    result = PyTuple_Pack(3, new, out, cuts);
done:
    Py_XDECREF(k);
    Py_XDECREF(c);
    Py_XDECREF(split);
    Py_XDECREF(nf);
    Py_XDECREF(shape);
    Py_XDECREF(gazf);
    Py_XDECREF(word);
    Py_XDECREF(text);
    Py_XDECREF(empty);
    Py_XDECREF(new);
    Py_XDECREF(out);
    Py_XDECREF(cuts);
    return result;
}

/* numpy's pairwise summation (`DOUBLE_pairwise_sum`, the inner loop of an add.reduce
 * or add.reduceat) of column j of the rows listed in idx[0:n]: below 8 terms one after
 * another from 0, up to 128 eight partial sums combined as a tree, beyond that halves */
static double pairwise(const double *w, const Py_ssize_t *idx, Py_ssize_t n, Py_ssize_t W,
                       Py_ssize_t j)
{
    if (n < 8) {
        double res = 0.;
        for (Py_ssize_t i = 0; i < n; ++i)
            res += w[idx[i] * W + j];
        return res;
    }
    if (n <= 128) {
        double r[8], res;
        Py_ssize_t i;
        for (int k = 0; k < 8; ++k)
            r[k] = w[idx[k] * W + j];
        for (i = 8; i < n - (n % 8); i += 8)
            for (int k = 0; k < 8; ++k)
                r[k] += w[idx[i + k] * W + j];
        res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for (; i < n; ++i)
            res += w[idx[i] * W + j];
        return res;
    }
    Py_ssize_t n2 = n / 2;
    n2 -= n2 % 8;
    return pairwise(w, idx, n2, W, j) + pairwise(w, idx + n2, n - n2, W, j);
}

/* sums(weights, rows, cuts, out): out[s] = `np.add.reduceat(weights[rows], cuts, axis=0)`
 * without the gathered copy: per segment and column, its first row plus the pairwise sum
 * of the others, as numpy adds them, so the same bits (tests/ner/test_scoring_rows.py).
 *   weights: C-contiguous float64 [R, W]; rows, cuts: lists of ints, cuts rising from
 *   0 with no empty segment; out: writable C-contiguous float64 [len(cuts), W]. */
static PyObject *sums(PyObject *self, PyObject *args)
{
    Py_buffer wb, ob;
    PyObject *rows_l, *cuts_l;
    if (!PyArg_ParseTuple(args, "y*O!O!w*", &wb, &PyList_Type, &rows_l, &PyList_Type, &cuts_l,
                          &ob))
        return NULL;
    PyObject *result = NULL;
    Py_ssize_t *idx = NULL;
    Py_ssize_t n_rows = PyList_GET_SIZE(rows_l), n_cuts = PyList_GET_SIZE(cuts_l);
    Py_ssize_t W = n_cuts ? ob.len / (Py_ssize_t)sizeof(double) / n_cuts : 0;
    Py_ssize_t R = W ? wb.len / (Py_ssize_t)sizeof(double) / W : 0;
    if (n_cuts == 0 || W == 0 || ob.len != (Py_ssize_t)(n_cuts * W * sizeof(double)) ||
        wb.len != (Py_ssize_t)(R * W * sizeof(double))) {
        PyErr_SetString(PyExc_ValueError, "sums: buffer sizes do not match");
        goto done;
    }
    idx = (Py_ssize_t *)malloc(sizeof(Py_ssize_t) * (n_rows ? n_rows : 1));
    if (idx == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t i = 0; i < n_rows; ++i) {
        Py_ssize_t r = PyLong_AsSsize_t(PyList_GET_ITEM(rows_l, i));
        if (r == -1 && PyErr_Occurred())
            goto done;
        if (r < 0 || r >= R) {
            PyErr_SetString(PyExc_IndexError, "sums: row out of range");
            goto done;
        }
        idx[i] = r;
    }
    const double *w = (const double *)wb.buf;
    double *o = (double *)ob.buf;
    for (Py_ssize_t s = 0; s < n_cuts; ++s) {
        Py_ssize_t a = PyLong_AsSsize_t(PyList_GET_ITEM(cuts_l, s));
        Py_ssize_t b = s + 1 < n_cuts ? PyLong_AsSsize_t(PyList_GET_ITEM(cuts_l, s + 1))
                                      : n_rows;
        if (PyErr_Occurred())
            goto done;
        if (a < 0 || b <= a || b > n_rows) {
            PyErr_SetString(PyExc_ValueError, "sums: cuts must rise, segments not be empty");
            goto done;
        }
        for (Py_ssize_t j = 0; j < W; ++j) {
            double first = w[idx[a] * W + j];
            o[s * W + j] = b - a > 1 ? first + pairwise(w, idx + a + 1, b - a - 1, W, j)
                                     : first;
        }
    }
    Py_INCREF(Py_None);
    result = Py_None;
done:
    free(idx);
    PyBuffer_Release(&wb);
    PyBuffer_Release(&ob);
    return result;
}

/* scores(parts, ids, lens, edges, hits, first, second, gaz, out) -> (pairs, begins, sents)
 * The state scores of an article's tokens from the per-form table (scoring.py,
 * `FormScores.flat_scores_words`, its numpy lines with context features), in numpy's
 * order of additions: a token's own part, then what the token before says (or the
 * sentence start), the token after (or the end), two before, two after.
 *   parts: float64 [size, 5, W]; ids: list of form ids of all tokens; lens: list of
 *   sentence lengths (summing to len(ids)); edges: float64 [4, W], the rows of
 *   w-1=<s>, w1=<s>, w-2=<s>, w2=<s>; hits: int64 [size], each token's form counted;
 *   first, second, gaz: bool [size], per form: may begin a bigram, end one, begin a
 *   gazetteer phrase; out: float64 [len(ids), W], written.
 * Returns the tokens j whose form may begin a bigram with the next one's in the same
 * sentence, and the tokens that may begin a gazetteer phrase with their sentences. */
static PyObject *scores(PyObject *self, PyObject *args)
{
    Py_buffer pb, eb, hb, fb, sb, gb, ob;
    PyObject *ids_l, *lens_l;
    if (!PyArg_ParseTuple(args, "y*O!O!y*w*y*y*y*w*", &pb, &PyList_Type, &ids_l, &PyList_Type,
                          &lens_l, &eb, &hb, &fb, &sb, &gb, &ob))
        return NULL;
    PyObject *result = NULL, *pairs = NULL, *begins = NULL, *sents = NULL;
    Py_ssize_t *idx = NULL;
    Py_ssize_t n = PyList_GET_SIZE(ids_l), n_sent = PyList_GET_SIZE(lens_l);
    Py_ssize_t W = eb.len / (Py_ssize_t)sizeof(double) / 4;
    Py_ssize_t size = hb.len / (Py_ssize_t)sizeof(long long);
    if (W <= 0 || eb.len != (Py_ssize_t)(4 * W * sizeof(double)) ||
        pb.len != (Py_ssize_t)(size * 5 * W * sizeof(double)) ||
        hb.len != (Py_ssize_t)(size * sizeof(long long)) || fb.len != size ||
        sb.len != size || gb.len != size ||
        ob.len != (Py_ssize_t)(n * W * sizeof(double))) {
        PyErr_SetString(PyExc_ValueError, "scores: buffer sizes do not match");
        goto done;
    }
    idx = (Py_ssize_t *)malloc(sizeof(Py_ssize_t) * (n ? n : 1));
    pairs = PyList_New(0);
    begins = PyList_New(0);
    sents = PyList_New(0);
    if (idx == NULL || pairs == NULL || begins == NULL || sents == NULL) {
        if (idx == NULL)
            PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t i = 0; i < n; ++i) {
        Py_ssize_t r = PyLong_AsSsize_t(PyList_GET_ITEM(ids_l, i));
        if (r == -1 && PyErr_Occurred())
            goto done;
        if (r < 0 || r >= size) {
            PyErr_SetString(PyExc_IndexError, "scores: form id out of range");
            goto done;
        }
        idx[i] = r;
    }
    const double *parts = (const double *)pb.buf, *edges = (const double *)eb.buf;
    const char *first = (const char *)fb.buf, *second = (const char *)sb.buf,
               *gaz = (const char *)gb.buf;
    long long *hits = (long long *)hb.buf;
    double *out = (double *)ob.buf;
    const Py_ssize_t P = 5 * W;  /* one form's five parts */
    Py_ssize_t start = 0;
    for (Py_ssize_t s = 0; s < n_sent; ++s) {
        Py_ssize_t len = PyLong_AsSsize_t(PyList_GET_ITEM(lens_l, s));
        if (len == -1 && PyErr_Occurred())
            goto done;
        if (len < 0 || start + len > n) {
            PyErr_SetString(PyExc_ValueError, "scores: sentence lengths exceed the tokens");
            goto done;
        }
        for (Py_ssize_t p = 0; p < len; ++p) {
            Py_ssize_t t = start + p;
            Py_ssize_t id = idx[t];
            const double *own = parts + id * P;
            const double *prev = p > 0 ? parts + idx[t - 1] * P + W : edges;
            const double *next = p + 1 < len ? parts + idx[t + 1] * P + 2 * W : edges + W;
            const double *far_l = p >= 2 ? parts + idx[t - 2] * P + 3 * W : edges + 2 * W;
            const double *far_r = len - 1 - p >= 2 ? parts + idx[t + 2] * P + 4 * W
                                                   : edges + 3 * W;
            double *o = out + t * W;
            for (Py_ssize_t j = 0; j < W; ++j) {
                double v = own[j];
                v += prev[j];
                v += next[j];
                v += far_l[j];
                v += far_r[j];
                o[j] = v;
            }
            hits[id] += 1;
            if (p + 1 < len && first[id] && second[idx[t + 1]]) {
                PyObject *v = PyLong_FromSsize_t(t);
                if (v == NULL || PyList_Append(pairs, v) < 0) {
                    Py_XDECREF(v);
                    goto done;
                }
                Py_DECREF(v);
            }
            if (gaz[id]) {
                PyObject *v = PyLong_FromSsize_t(t), *w = PyLong_FromSsize_t(s);
                int bad = v == NULL || w == NULL || PyList_Append(begins, v) < 0 ||
                    PyList_Append(sents, w) < 0;
                Py_XDECREF(v);
                Py_XDECREF(w);
                if (bad)
                    goto done;
            }
        }
        start += len;
    }
    if (start != n) {
        PyErr_SetString(PyExc_ValueError, "scores: sentence lengths fall short of the tokens");
        goto done;
    }
    result = PyTuple_Pack(3, pairs, begins, sents);
done:
    free(idx);
    Py_XDECREF(pairs);
    Py_XDECREF(begins);
    Py_XDECREF(sents);
    PyBuffer_Release(&pb);
    PyBuffer_Release(&eb);
    PyBuffer_Release(&hb);
    PyBuffer_Release(&fb);
    PyBuffer_Release(&sb);
    PyBuffer_Release(&gb);
    PyBuffer_Release(&ob);
    return result;
}

static PyMethodDef methods[] = {
    {"rows", rows, METH_VARARGS, "The score table's weight rows of new word forms."},
    {"sums", sums, METH_VARARGS, "np.add.reduceat(weights[rows], cuts, axis=0) into out."},
    {"scores", scores, METH_VARARGS, "An article's state scores from the per-form table."},
    {NULL, NULL, 0, NULL}};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_rows", NULL, -1, methods};

PyMODINIT_FUNC PyInit__rows(void) { return PyModule_Create(&module); }
