"use client";

import { useId, useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Trash2Icon, UserPlusIcon, UsersIcon } from "lucide-react";
import { toast } from "sonner";
import type { AddMemberInput } from "@/lib/api/member-client";
import { MEMBER_ROLES, type Member, type MemberRole } from "@/lib/api/member-schemas";
import { Alert } from "@/components/ui/alert";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { adminKeys, memberApi } from "../admin-api";
import { formatDateTime, formatDay } from "../format";
import { errorText, ListEmpty, ListError, ListLoading } from "../list-states";

const ROLE_LABELS: Record<MemberRole, string> = { member: "Member", reviewer: "Reviewer", admin: "Admin" };
const ROLE_HELP = "Members rate answers; reviewers also work the queue and golden examples; admins also change settings and members.";

function RoleSelect({ id, value, label, disabled, onChange }: { id?: string; value: MemberRole; label?: string; disabled?: boolean; onChange(role: MemberRole): void }) {
  return (
    <NativeSelect id={id} aria-label={label} value={value} disabled={disabled} className="w-36" onChange={(event) => onChange(event.target.value as MemberRole)}>
      {MEMBER_ROLES.map((role) => (
        <option key={role} value={role}>
          {ROLE_LABELS[role]}
        </option>
      ))}
    </NativeSelect>
  );
}

function InviteForm() {
  const id = useId();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<MemberRole>("member");
  const add = useMutation({
    mutationFn: (input: AddMemberInput) => memberApi.add(input),
    onSuccess: (member) => {
      toast(`${member.email} added as ${ROLE_LABELS[member.role].toLowerCase()}`, { description: "They join when they sign in with that email." });
      setEmail("");
      setRole("member");
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: adminKeys.members() }),
  });
  return (
    <form
      aria-labelledby={`${id}-title`}
      className="flex flex-col gap-3 rounded-lg border border-border p-4"
      onSubmit={(event) => {
        event.preventDefault();
        add.mutate({ email, role });
      }}
    >
      <h2 id={`${id}-title`} className="text-lg font-medium">
        Add a member
      </h2>
      <p id={`${id}-help`} className="text-xs text-muted-foreground">
        Whoever signs in with this email (verified by their identity provider) joins with the role. {ROLE_HELP}
      </p>
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <Label htmlFor={`${id}-email`}>Email</Label>
          <Input
            id={`${id}-email`}
            type="email"
            required
            autoComplete="off"
            className="w-72"
            value={email}
            aria-invalid={add.isError ? true : undefined}
            aria-describedby={add.isError ? `${id}-error` : `${id}-help`}
            onChange={(event) => {
              setEmail(event.target.value);
              if (add.isError) add.reset();
            }}
          />
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor={`${id}-role`}>Role</Label>
          <RoleSelect id={`${id}-role`} value={role} onChange={setRole} />
        </div>
        <Button type="submit" disabled={add.isPending}>
          <UserPlusIcon aria-hidden /> {add.isPending ? "Adding…" : "Add member"}
        </Button>
      </div>
      {add.isError ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-negative">
          {errorText(add.error)}
        </p>
      ) : null}
    </form>
  );
}

/** The members page: who belongs to the organization, add by email, change roles, remove. */
export function MembersManager({ currentUserId }: { currentUserId: string }) {
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: adminKeys.members(), queryFn: () => memberApi.list() });
  const [removing, setRemoving] = useState<Member | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: adminKeys.members() });

  const changeRole = useMutation({
    mutationFn: ({ member, role }: { member: Member; role: MemberRole }) => memberApi.update(member.id, { role }),
    onSuccess: (member) => toast(`${member.email} is now ${ROLE_LABELS[member.role].toLowerCase()}`, { description: "Their open sessions follow within 30 seconds." }),
    onError: (error) => toast.error("Role not changed", { description: errorText(error) }),
    onSettled: refresh,
  });
  const remove = useMutation({
    mutationFn: (member: Member) => memberApi.remove(member.id),
    onSuccess: (_, member) => toast(`${member.email} removed`, { description: "Their sessions end within 30 seconds." }),
    onError: (error) => toast.error("Not removed", { description: errorText(error) }),
    onSettled: refresh,
  });

  const items = list.data?.items ?? [];
  return (
    <div data-slot="members-manager" className="flex flex-col gap-6">
      <InviteForm />
      <section aria-label="Members" aria-busy={list.isFetching ? "true" : "false"} className="flex flex-col gap-3">
        {list.isPending ? (
          <ListLoading label="Loading members…" />
        ) : list.isError && !list.data ? (
          <ListError what="The members" error={list.error} onRetry={() => void list.refetch()} />
        ) : items.length === 0 ? (
          <ListEmpty icon={<UsersIcon aria-hidden />}>
            <p className="font-medium">No members yet: add someone by email above.</p>
          </ListEmpty>
        ) : (
          <Table aria-label="Members">
            <TableHeader>
              <TableRow>
                <TableHead scope="col">Email</TableHead>
                <TableHead scope="col">Name</TableHead>
                <TableHead scope="col">Role</TableHead>
                <TableHead scope="col">Joined</TableHead>
                <TableHead scope="col">
                  <span className="sr-only">Actions</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((member) => {
                const pending = (changeRole.isPending && changeRole.variables?.member.id === member.id) || (remove.isPending && remove.variables?.id === member.id);
                return (
                  <TableRow key={member.id} data-testid="member-row">
                    <TableCell className="font-medium">
                      {member.email}
                      {member.user_id === currentUserId ? (
                        <Badge tone="info" className="ml-2">
                          You
                        </Badge>
                      ) : null}
                    </TableCell>
                    <TableCell>{member.name ?? <span className="text-muted-foreground">Not signed in yet</span>}</TableCell>
                    <TableCell>
                      <RoleSelect
                        label={`Role of ${member.email}`}
                        value={member.role}
                        disabled={pending}
                        onChange={(role) => changeRole.mutate({ member, role })}
                      />
                    </TableCell>
                    <TableCell>
                      <time dateTime={member.joined_at} title={formatDateTime(member.joined_at)} className="whitespace-nowrap text-muted-foreground">
                        {formatDay(member.joined_at)}
                      </time>
                    </TableCell>
                    <TableCell>
                      <Button size="icon" variant="ghost" className="text-negative" aria-label={`Remove ${member.email}`} disabled={pending} onClick={() => setRemoving(member)}>
                        <Trash2Icon aria-hidden />
                      </Button>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
        {list.isError && list.data ? (
          <Alert tone="error" role="alert">
            <p>The list could not be refreshed: {errorText(list.error)}</p>
          </Alert>
        ) : null}
      </section>

      <AlertDialog open={removing !== null} onOpenChange={(open) => !open && setRemoving(null)}>
        <AlertDialogContent>
          <AlertDialogTitle>Remove {removing?.email}?</AlertDialogTitle>
          <AlertDialogDescription>
            {removing?.user_id === currentUserId ? "You lose access to this organization" : "They lose access to this organization"} within 30 seconds, on every open
            session. Their feedback and reviews stay. You can add them again later.
          </AlertDialogDescription>
          <AlertDialogFooter>
            <AlertDialogCancel>Cancel</AlertDialogCancel>
            <AlertDialogAction onClick={() => removing && remove.mutate(removing)}>Remove</AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </div>
  );
}
