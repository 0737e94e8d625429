import { Alert, Button, Drawer, Prompt, toast } from "@medusajs/ui"
import {
  createContext,
  useContext,
  useEffect,
  useRef,
  useState,
  type FormEvent,
  type ReactNode,
  type RefObject,
} from "react"
import { useTranslation } from "react-i18next"

type FormDrawerContextValue = {
  /** Closes without asking: what the form held was saved. */
  close: () => void
  /** Submits the form, as its Save button does (e.g. on Cmd/Ctrl+Enter). */
  submit: () => void
  formRef: RefObject<HTMLFormElement>
  /** Whether closing now would lose what the form holds. */
  dirtyRef: { current: boolean }
}

const FormDrawerContext = createContext<FormDrawerContextValue | null>(null)

/** The drawer around the calling form; only inside a `FormDrawer`. */
export const useFormDrawer = () => {
  const context = useContext(FormDrawerContext)
  if (!context) {
    throw new Error("useFormDrawer must be used inside a FormDrawer")
  }
  return context
}

type FormDrawerProps = {
  open: boolean
  onOpenChange: (open: boolean) => void
  title: string
  /** What the drawer is for; read to screen readers with the title. */
  description: string
  /**
   * The form component, rendering a `FormDrawer.Form`. The drawer's content
   * mounts only while open, so the form starts from the saved values each
   * time and closing forgets what was typed.
   */
  children: ReactNode
}

/**
 * The drawer every edit form of the plugin lives in: title, one form, Cancel
 * and Save. Closing a form with unsaved changes (Cancel, Escape, a click
 * outside) asks first; a successful save closes it with a toast.
 *
 * @example
 * <FormDrawer open={open} onOpenChange={setOpen} title={...} description={...}>
 *   <EditThingForm thing={thing} />
 * </FormDrawer>
 *
 * const EditThingForm = ({ thing }) => {
 *   const [name, setName] = useState(thing.name)
 *   const { mutateAsync, isPending } = useUpdateThing(thing.id)
 *   return (
 *     <FormDrawer.Form
 *       onSubmit={() => mutateAsync({ name }, { onError: (e) => toast.error(e.message) })}
 *       successMessage={t("...toasts.updated")}
 *       isPending={isPending}
 *       isDirty={name !== thing.name}
 *     >
 *       <Input value={name} onChange={(event) => setName(event.target.value)} />
 *     </FormDrawer.Form>
 *   )
 * }
 */
const Root = ({
  open,
  onOpenChange,
  title,
  description,
  children,
}: FormDrawerProps) => {
  const { t } = useTranslation()
  const formRef = useRef<HTMLFormElement>(null)
  const dirtyRef = useRef(false)
  const [isConfirmingDiscard, setIsConfirmingDiscard] = useState(false)

  const close = () => {
    dirtyRef.current = false
    setIsConfirmingDiscard(false)
    onOpenChange(false)
  }

  const handleOpenChange = (next: boolean) => {
    if (!next && dirtyRef.current) {
      setIsConfirmingDiscard(true)
      return
    }
    onOpenChange(next)
  }

  const context: FormDrawerContextValue = {
    close,
    submit: () => formRef.current?.requestSubmit(),
    formRef,
    dirtyRef,
  }

  return (
    <Drawer open={open} onOpenChange={handleOpenChange}>
      <Drawer.Content>
        <Drawer.Header>
          <Drawer.Title>{title}</Drawer.Title>
          <Drawer.Description className="sr-only">
            {description}
          </Drawer.Description>
        </Drawer.Header>
        <FormDrawerContext.Provider value={context}>
          {children}
        </FormDrawerContext.Provider>
        {/* Inside the drawer's tree: Radix then treats it as a layer above the drawer. */}
        <Prompt
          open={isConfirmingDiscard}
          onOpenChange={setIsConfirmingDiscard}
          variant="confirmation"
        >
          <Prompt.Content>
            <Prompt.Header>
              <Prompt.Title>
                {t("customerAccounts.common.unsavedChanges.title")}
              </Prompt.Title>
              <Prompt.Description>
                {t("customerAccounts.common.unsavedChanges.description")}
              </Prompt.Description>
            </Prompt.Header>
            <Prompt.Footer>
              <Prompt.Cancel type="button">
                {t("customerAccounts.common.unsavedChanges.keepEditing")}
              </Prompt.Cancel>
              <Prompt.Action type="button" onClick={close}>
                {t("customerAccounts.common.unsavedChanges.discard")}
              </Prompt.Action>
            </Prompt.Footer>
          </Prompt.Content>
        </Prompt>
      </Drawer.Content>
    </Drawer>
  )
}

type FormDrawerFormProps = {
  /**
   * Sends the form. Return the save's promise: once it resolves, the drawer
   * shows `successMessage` and closes; a rejection keeps it open (the form
   * shows why, next to a field or in a toast). Return nothing when the form
   * stopped before sending (e.g. a field is invalid).
   */
  onSubmit: () => Promise<unknown> | void
  successMessage: string
  isPending: boolean
  /** Holds changes that closing would lose (closing then asks first). */
  isDirty: boolean
  /** Whether Save is enabled (besides while saving); true by default. */
  canSubmit?: boolean
  /** The server's verdict on the whole form, shown above the fields. */
  error?: string | null
  /** The fields. */
  children: ReactNode
}

/** The form of a `FormDrawer`: fields, then Cancel and Save. */
const Form = ({
  onSubmit,
  successMessage,
  isPending,
  isDirty,
  canSubmit = true,
  error,
  children,
}: FormDrawerFormProps) => {
  const { t } = useTranslation()
  const { close, formRef, dirtyRef } = useFormDrawer()

  useEffect(() => {
    dirtyRef.current = isDirty
  }, [dirtyRef, isDirty])
  // Unmounted (the drawer closed): nothing is left to lose.
  useEffect(
    () => () => {
      dirtyRef.current = false
    },
    [dirtyRef]
  )

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (!canSubmit || isPending) {
      return
    }
    const saving = onSubmit()
    if (!saving) {
      return
    }
    try {
      await saving
    } catch {
      // The form reported the failure itself.
      return
    }
    toast.success(successMessage)
    close()
  }

  return (
    <form
      ref={formRef}
      onSubmit={handleSubmit}
      className="flex flex-1 flex-col overflow-hidden"
    >
      <Drawer.Body className="flex flex-1 flex-col gap-y-6 overflow-y-auto">
        {error && (
          <Alert variant="error" dismissible={false}>
            {error}
          </Alert>
        )}
        {children}
      </Drawer.Body>
      <Drawer.Footer>
        <Drawer.Close asChild>
          <Button size="small" variant="secondary" type="button">
            {t("customerAccounts.common.cancel")}
          </Button>
        </Drawer.Close>
        <Button
          size="small"
          type="submit"
          disabled={!canSubmit || isPending}
          isLoading={isPending}
        >
          {t("customerAccounts.common.save")}
        </Button>
      </Drawer.Footer>
    </form>
  )
}

export const FormDrawer = Object.assign(Root, { Form })
