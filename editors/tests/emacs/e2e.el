;;; e2e.el --- Emacs end-to-end check of editors/emacs/alembic-ls.el  -*- lexical-binding: t; -*-

;; Driven by editors/tests/run.sh: emacs -Q --batch -l e2e.el --eval "(alembic-ls-e2e-run 'eglot)".
;; The first part is a user's init file (Debian's elpa packages, then alembic-ls.el); the rest
;; plays the user: open the migration, wait for the diagnostic, pick the quick fix from the
;; code-action menu, check the result.  Each step prints `ok: ...'; the run ends with `PASS'
;; or `FAIL: reason'.

;;; Code:

;; -Q hides Debian's elpa packages: put them on the load path as package.el would.
(dolist (dir (directory-files "/usr/share/emacs/site-lisp/elpa" t "\\`[^.]"))
  (when (file-directory-p dir) (push dir load-path)))
(push (expand-file-name "emacs" (getenv "E2E_EDITORS")) load-path)
(require 'cl-lib)
(require 'alembic-ls)

(defvar alembic-ls-e2e-step (* 1.0 (string-to-number (or (getenv "E2E_STEP_TIMEOUT") "20"))))
(defvar alembic-ls-e2e-client nil "eglot or lsp-mode.")
(defvar alembic-ls-e2e-offered nil "Titles the code-action menu offered.")

(defun alembic-ls-e2e-say (format-string &rest args)
  (princ (concat (apply #'format format-string args) "\n") #'external-debugging-output))

(defun alembic-ls-e2e-idle ()
  "Run the idle timers, as if the user paused: batch Emacs is never idle on its own, and
eglot sends didChange and flymake starts its backends from idle timers."
  (dolist (timer (copy-sequence timer-idle-list))
    (timer-event-handler timer)))

(defun alembic-ls-e2e-wait (seconds predicate)
  "Run the event loop (idle timers every 0.2 s) until PREDICATE holds or SECONDS pass; return PREDICATE's value."
  (let ((deadline (+ (float-time) seconds)) (ticks 0) value)
    (while (and (not (setq value (funcall predicate))) (< (float-time) deadline))
      (accept-process-output nil 0.05)
      (when (zerop (% (cl-incf ticks) 4)) (alembic-ls-e2e-idle))
      (redisplay))
    value))

(defun alembic-ls-e2e-diagnostics (code)
  "The diagnostics with CODE in the current buffer, as LSP objects (plists or hash tables)."
  (pcase alembic-ls-e2e-client
    ('eglot
     ;; What the user sees: flymake's diagnostics, each carrying eglot's LSP diagnostic.
     (cl-loop for d in (flymake-diagnostics)
              for lsp = (cdr (assoc 'eglot-lsp-diag (flymake-diagnostic-data d)))
              when (equal (alembic-ls--get lsp "code") code) collect lsp))
    ('lsp-mode
     (cl-loop for d in (gethash (lsp--fix-path-casing buffer-file-name) (lsp-diagnostics t))
              when (equal (alembic-ls--get d "code") code) collect d))))

(defun alembic-ls-e2e-goto (lsp-diagnostic)
  "Move point to the start of LSP-DIAGNOSTIC."
  (let ((start (alembic-ls--get (alembic-ls--get lsp-diagnostic "range") "start")))
    (goto-char (point-min))
    (forward-line (alembic-ls--get start "line"))
    (forward-char (alembic-ls--get start "character"))))

(defun alembic-ls-e2e-choose (code wanted)
  "A `completing-read-function' that picks the action whose title contains WANTED (else one for CODE)."
  (lambda (_prompt collection &rest _)
    (let* ((titles (mapcar (lambda (c) (if (consp c) (car c) c))
                           (if (functionp collection) (all-completions "" collection) collection)))
           (choice (cl-find-if (lambda (title)
                                 (let ((title (downcase title)))
                                   (if (string-empty-p wanted)
                                       (not (string-match-p "noqa\\|suppress\\|ignore" title))
                                     (string-search wanted title))))
                               titles)))
      (setq alembic-ls-e2e-offered titles)
      (unless choice (error "no code action for %s; offered: %s" code (string-join titles " | ")))
      (alembic-ls-e2e-say "ok: chose code action \"%s\"" choice)
      choice)))

(defun alembic-ls-e2e-code-action (code wanted)
  "Open the code-action menu at point and pick the fix, as a user would."
  ;; A keyboard user: eglot uses completing-read, not a popup.  The menu and the prompts are
  ;; answered through `completing-read-function' and `y-or-n-p' (with `use-short-answers'):
  ;; redefining a primitive such as `completing-read' costs a native-compiled trampoline
  ;; (0.2-1.5 s each on Debian's Emacs 28).
  (let ((last-nonmenu-event ?\r)
        (completing-read-function (alembic-ls-e2e-choose code wanted))
        (use-short-answers t))
    (cl-letf (((symbol-function 'y-or-n-p) (lambda (&rest _) t)))
      (condition-case err
          (pcase alembic-ls-e2e-client
            ('eglot (call-interactively #'eglot-code-actions))
            ('lsp-mode (call-interactively #'lsp-execute-code-action)))
        (error (let ((message (error-message-string err)))
                 (error "%s" (if (string-prefix-p "no code action" message)
                                 message
                               (format "no code action for %s (%s)" code message)))))))))

(defun alembic-ls-e2e-steps ()
  "The scenario; returns nil on success or the failure's text."
  (let* ((scenario (getenv "E2E_SCENARIO"))
         (file (getenv "E2E_FILE"))
         (code (getenv "E2E_CODE"))
         (wanted (downcase (or (getenv "E2E_ACTION") "")))
         (versions (file-name-directory file))
         (before (directory-files versions nil "\\.py\\'"))
         (buf (find-file file)))
    (switch-to-buffer buf) ; displayed: flymake reports only to visible buffers
    (pcase alembic-ls-e2e-client
      ('eglot (eglot-ensure) (run-hooks 'post-command-hook)) ; eglot-ensure connects after the next command
      ('lsp-mode (lsp)))
    (catch 'failed
      (unless (alembic-ls-e2e-wait alembic-ls-e2e-step
                                   (lambda () (pcase alembic-ls-e2e-client
                                                ('eglot (eglot-current-server))
                                                ('lsp-mode (alembic-ls--lsp-active-p)))))
        (throw 'failed "alembic-ls did not start"))
      (alembic-ls-e2e-say "ok: attached alembic-ls")
      (unless (alembic-ls-e2e-wait alembic-ls-e2e-step (lambda () (alembic-ls-e2e-diagnostics code)))
        (throw 'failed (format "no %s diagnostic within %ss" code alembic-ls-e2e-step)))
      (let* ((first (car (alembic-ls-e2e-diagnostics code)))
             (count (length (alembic-ls-e2e-diagnostics code))))
        (alembic-ls-e2e-say "ok: %s diagnostic: %s" code (alembic-ls--get first "message"))
        (alembic-ls-e2e-goto first)
        (if (equal scenario "edit")
            (progn ; the user retypes the end of the id
              (goto-char (point-min))
              (search-forward (getenv "E2E_FROM"))
              (delete-char -4)
              (insert (substring (getenv "E2E_TO") -4))
              (alembic-ls-e2e-say "ok: retyped the revision id"))
          (alembic-ls-e2e-code-action code wanted)
          (unless (alembic-ls-e2e-wait 5 (lambda () (or (buffer-modified-p buf)
                                                        (cl-some (lambda (b) (and (buffer-file-name b) (not (member (file-name-nondirectory (buffer-file-name b)) before))
                                                                                  (string-prefix-p versions (buffer-file-name b))))
                                                                 (buffer-list))
                                                        (> (length (directory-files versions nil "\\.py\\'")) (length before)))))
            (throw 'failed (format "no code action for %s applied; offered: %s" code (string-join alembic-ls-e2e-offered " | ")))))
        (pcase scenario
          ("merge" ; the server writes the merge migration and names it; the user opens it
           (let ((created (alembic-ls-e2e-wait alembic-ls-e2e-step
                                               (lambda () (cl-find-if (lambda (name) (not (member name before)))
                                                                      (directory-files versions nil "\\.py\\'"))))))
             (unless created (throw 'failed "the merge quick fix wrote no migration"))
             (with-current-buffer (find-file-noselect (expand-file-name created versions))
               (goto-char (point-min))
               (let ((down (and (re-search-forward "^down_revision.*$" nil t) (match-string 0))))
                 (unless (and down (string-search "'0003a'" down) (string-search "'0003b'" down))
                   (throw 'failed (format "the merge migration does not revise both heads: %s" down)))
                 (alembic-ls-e2e-say "ok: merge migration %s: %s" created down)))))
          ("guard"
           (unless (alembic-ls-e2e-wait alembic-ls-e2e-step (lambda () (< (length (alembic-ls-e2e-diagnostics code)) count)))
             (throw 'failed (format "the guard fix did not clear an %s diagnostic" code)))
           (unless (save-excursion (goto-char (point-min)) (re-search-forward "if_not_exists=True\\|inspect(" nil t))
             (throw 'failed (format "the buffer has no introspection guard or if_not_exists=True:\n%s" (buffer-string))))
           (alembic-ls-e2e-say "ok: guarded"))))
      (unless (equal scenario "guard")
        (unless (alembic-ls-e2e-wait alembic-ls-e2e-step (lambda () (with-current-buffer buf (null (alembic-ls-e2e-diagnostics code)))))
          (throw 'failed (format "%s did not clear" code)))
        (alembic-ls-e2e-say "ok: %s cleared" code))
      (let ((expect (or (getenv "E2E_EXPECT") "")))
        (unless (or (string-empty-p expect) (with-current-buffer buf (save-excursion (goto-char (point-min)) (search-forward expect nil t))))
          (throw 'failed (format "the buffer does not contain %s" expect))))
      (save-some-buffers t)
      nil)))

(defun alembic-ls-e2e-run (client)
  "Configure CLIENT (eglot or lsp-mode) as a user would, run the scenario, exit."
  (setq alembic-ls-e2e-client client)
  (pcase client
    ('eglot
     (alembic-ls-eglot-setup)
     (require 'eglot)
     (setq eglot-confirm-server-initiated-edits nil))
    ('lsp-mode
     (alembic-ls-lsp-setup)
     (setq lsp-auto-guess-root t lsp-enable-file-watchers nil lsp-keep-workspace-alive nil
           lsp-session-file (expand-file-name "lsp-session" temporary-file-directory)
           lsp-restart 'ignore lsp-headerline-breadcrumb-enable nil lsp-enable-snippet nil
           lsp-modeline-workspace-status-enable nil lsp-modeline-diagnostics-enable nil lsp-modeline-code-actions-enable nil)
     (require 'lsp-mode)
     (require 'lsp-diagnostics)))
  (let ((failure (condition-case err (alembic-ls-e2e-steps)
                   (error (error-message-string err)))))
    (alembic-ls-e2e-say (if failure (concat "FAIL: " failure) "PASS"))
    (kill-emacs (if failure 1 0))))

;;; e2e.el ends here
